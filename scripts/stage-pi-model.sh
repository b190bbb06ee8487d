#!/usr/bin/env bash
# Copies the exercise model the Pi bundle ships into a staging folder: the Java registry's preferred
# version of NAME in REGISTRY (production, else newest; `formlab models NAME --copy-preferred`), its
# card and its parameters checked against the card's SHA-256. Exit status 3 when the registry has none.
# Usage: scripts/stage-pi-model.sh REGISTRY NAME STAGING_DIR
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REGISTRY=$1
NAME=$2
STAGE=$3
[ -d "$REGISTRY/$NAME" ] || exit 3
exec "$ROOT/bin/formlab" models "$NAME" --registry "$REGISTRY" --copy-preferred "$STAGE"
