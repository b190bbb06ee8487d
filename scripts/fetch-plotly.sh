#!/usr/bin/env bash
# Provision the minified plotly.js bundle (MIT) that notebooks and reports inline.
#
# Fetches the pinned npm package plotly.js-cartesian-dist-min with `npm pack`, checks the tarball's
# SHA-256 and extracts plotly-cartesian.min.js (1.3 MB: scatter, bar, box, heatmap and the other
# 2-D traces FormLab draws) into build/external/plotly/formlab/display/, which the core module
# packages as a resource. Without it, formlab.display.Html falls back to the full, unminified
# plotly.js of the org.webjars.npm:plotly.js-dist webjar (about 11 MB in every report).
# Idempotent: does nothing when the file is present with its expected SHA-256.
# Usage: scripts/fetch-plotly.sh [target-dir]      (run by `make setup`)
set -euo pipefail

PACKAGE="plotly.js-cartesian-dist-min"
VERSION="2.35.3"
TARBALL="${PACKAGE}-${VERSION}.tgz"
TARBALL_SHA256="e71cd1901d002348d687f42d16e45c56d3e48d47801e5d02dcccb715b04fb289"
BUNDLE="plotly-cartesian.min.js"
BUNDLE_SHA256="1836dca6fbe9477c789e8a4affd2b2be59fabe8daf8df49c391809d65490c955"

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="${1:-$ROOT/build/external/plotly/formlab/display}"

if [[ -f "$TARGET/$BUNDLE" ]] && [[ "$(sha256sum "$TARGET/$BUNDLE" | cut -d' ' -f1)" == "$BUNDLE_SHA256" ]]; then
  echo "plotly.js $VERSION (minified) already present in $TARGET"
  exit 0
fi

command -v npm >/dev/null || { echo "npm is required to fetch $PACKAGE (apt-get install npm)" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "Fetching $PACKAGE@$VERSION with npm pack ..."
(cd "$WORK" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
ACTUAL="$(sha256sum "$WORK/$TARBALL" | cut -d' ' -f1)"
if [[ "$ACTUAL" != "$TARBALL_SHA256" ]]; then
  echo "SHA-256 mismatch for $TARBALL: expected $TARBALL_SHA256, got $ACTUAL" >&2
  exit 1
fi
tar -xzf "$WORK/$TARBALL" -C "$WORK"
ACTUAL="$(sha256sum "$WORK/package/$BUNDLE" | cut -d' ' -f1)"
if [[ "$ACTUAL" != "$BUNDLE_SHA256" ]]; then
  echo "SHA-256 mismatch for $BUNDLE in $TARBALL: expected $BUNDLE_SHA256, got $ACTUAL" >&2
  exit 1
fi
mkdir -p "$TARGET"
cp "$WORK/package/LICENSE" "$TARGET/plotly-LICENSE"
# Written under a temporary name and moved, so an interrupted fetch never leaves half a bundle.
cp "$WORK/package/$BUNDLE" "$TARGET/$BUNDLE.part"
mv "$TARGET/$BUNDLE.part" "$TARGET/$BUNDLE"
echo "plotly.js $VERSION (minified, cartesian traces) in $TARGET"
