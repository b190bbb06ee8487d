#!/usr/bin/env bash
# Copies the exercise model the Pi bundle ships into a staging folder: the production version of
# NAME in the registry REGISTRY, else its newest version. Exit status 3 when the registry has none.
# Usage: scripts/stage-pi-model.sh REGISTRY NAME STAGING_DIR
set -euo pipefail
REGISTRY=$1
NAME=$2
STAGE=$3
[ -d "$REGISTRY/$NAME" ] || exit 3
version=$(/usr/bin/python3 - "$REGISTRY/$NAME" <<'PY'
import json, os, re, sys
folder = sys.argv[1]
versions = []
for entry in os.listdir(folder):
    m = re.fullmatch(r"v(\d+)", entry)
    card = os.path.join(folder, entry, "card.json")
    if m and os.path.isfile(card):
        with open(card) as f:
            stage = str(json.load(f).get("stage", "")).lower()
        versions.append((stage == "production", int(m.group(1)), entry))
if versions:
    print(max(versions)[2])
PY
)
[ -n "$version" ] || exit 3
source="$REGISTRY/$NAME/$version"
model_file=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("modelFile") or "model.flm")' "$source/card.json")
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp "$source/card.json" "$source/$model_file" "$STAGE/"
echo "bundling model $NAME/$version ($source)"
