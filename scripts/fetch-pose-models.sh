#!/usr/bin/env bash
# Provision the MediaPipe Pose models (Apache-2.0) used by formlab.pose.estimate.
#
# Downloads the pinned npm package @mediapipe/pose with `npm pack`, checks the tarball's SHA-256,
# and extracts into models/external/mediapipe-pose/:
#   pose_landmark_{lite,full,heavy}.tflite   the 33-landmark models (256x256 input)
#   pose_detection.tflite                    the person detector (224x224 input); in the npm package it
#                                            is the single file packed in pose_solution_packed_assets.data
#   web/                                     the package's JavaScript solution for the browser (pose.js,
#                                            its wasm binaries, packed assets, graph and the lite/full
#                                            landmark models), served by `formlab serve` at /mediapipe/
#                                            for the live page; nothing is loaded from a CDN
#   LICENSE, SOURCE.md                       licence and provenance
# Idempotent: does nothing when every file is present with its expected SHA-256.
# Usage: scripts/fetch-pose-models.sh [target-dir]     (run by `make pose-models`)
set -euo pipefail

PACKAGE="@mediapipe/pose"
VERSION="0.5.1675469404"
TARBALL="mediapipe-pose-${VERSION}.tgz"
TARBALL_SHA256="8bb349a7b3a3ba699df23be804ddd3b3eab810b50b15406894be257859388a84"
# Detector byte range inside pose_solution_packed_assets.data, from pose_solution_packed_assets_loader.js.
DETECTOR_PACKED_PATH="/third_party/mediapipe/modules/pose_detection/pose_detection.tflite"

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="${1:-$ROOT/models/external/mediapipe-pose}"
MODELS=(pose_landmark_lite.tflite pose_landmark_full.tflite pose_landmark_heavy.tflite pose_detection.tflite)
# The browser solution: what pose.js loads (modelComplexity 0 and 1 load the lite and full landmark models).
WEB=(pose.js pose_solution_packed_assets_loader.js pose_solution_packed_assets.data pose_web.binarypb
     pose_solution_simd_wasm_bin.js pose_solution_simd_wasm_bin.wasm pose_solution_wasm_bin.js pose_solution_wasm_bin.wasm
     pose_landmark_lite.tflite pose_landmark_full.tflite)

if [[ -f "$TARGET/SHA256SUMS" && -f "$TARGET/web/pose.js" ]] && (cd "$TARGET" && sha256sum --quiet -c SHA256SUMS >/dev/null 2>&1); then
  echo "MediaPipe Pose models already present in $TARGET"
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
PKG="$WORK/package"

# The packed-assets loader lists each packed file with its start/end offsets.
read -r START END < <(python3 - "$PKG/pose_solution_packed_assets_loader.js" "$DETECTOR_PACKED_PATH" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
m = re.search(r'"filename":\s*"%s",\s*"start":\s*(\d+),\s*"end":\s*(\d+)' % re.escape(sys.argv[2]), text)
if not m:
    sys.exit("detector %s not listed in %s" % (sys.argv[2], sys.argv[1]))
print(m.group(1), m.group(2))
PY
)

STAGE="$WORK/stage"
mkdir -p "$STAGE"
cp "$PKG"/pose_landmark_{lite,full,heavy}.tflite "$STAGE/"
dd if="$PKG/pose_solution_packed_assets.data" of="$STAGE/pose_detection.tflite" \
   bs=1 skip="$START" count=$((END - START)) status=none 2>/dev/null \
  || tail -c +$((START + 1)) "$PKG/pose_solution_packed_assets.data" | head -c $((END - START)) > "$STAGE/pose_detection.tflite"
[[ "$(head -c 8 "$STAGE/pose_detection.tflite" | tail -c 4)" == "TFL3" ]] \
  || { echo "extracted detector is not a TFLite flatbuffer" >&2; exit 1; }

cat > "$STAGE/LICENSE" <<'LIC'
The MediaPipe Pose models are distributed by Google LLC under the Apache License, Version 2.0.
Full text: https://www.apache.org/licenses/LICENSE-2.0
Package metadata: "license": "Apache-2.0" (package.json of @mediapipe/pose).
Model card (BlazePose GHUM 3D): https://drive.google.com/file/d/10WlcTvrQnR_R2TdTmKw0nkyRLqrwNkWU/preview
LIC
cat > "$STAGE/SOURCE.md" <<SRC
# MediaPipe Pose models

- Source: npm package \`$PACKAGE@$VERSION\` (\`npm pack\`), tarball SHA-256 \`$TARBALL_SHA256\`.
- \`pose_landmark_*.tflite\`: copied unchanged from the package.
- \`web/\`: the browser solution (\`pose.js\` and the files it loads), copied unchanged from the package.
- \`pose_detection.tflite\`: bytes $START..$END of \`pose_solution_packed_assets.data\`
  (listed in \`pose_solution_packed_assets_loader.js\` as \`$DETECTOR_PACKED_PATH\`).
- Licence: Apache-2.0 (see LICENSE). Fetched by \`scripts/fetch-pose-models.sh\` (\`make pose-models\`).
SRC
cp "$PKG/package.json" "$STAGE/package.json"
mkdir -p "$STAGE/web"
for file in "${WEB[@]}"; do cp "$PKG/$file" "$STAGE/web/$file"; done
(cd "$STAGE" && sha256sum "${MODELS[@]}" "${WEB[@]/#/web/}" > SHA256SUMS)

mkdir -p "$(dirname "$TARGET")"
rm -rf "$TARGET.tmp" && mv "$STAGE" "$TARGET.tmp"
rm -rf "$TARGET" && mv "$TARGET.tmp" "$TARGET"
echo "MediaPipe Pose models written to $TARGET"
