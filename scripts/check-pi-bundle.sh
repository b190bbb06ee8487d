#!/usr/bin/env bash
# Checks the Raspberry Pi tracker bundle: no deep-learning (DJL, PyTorch, TensorFlow Lite), JCodec, Tribuo,
# photo decoder (TwelveMonkeys ImageIO) or command-line classes inside, the sample configuration and the model bundled, and the JAR starts. Usage: scripts/check-pi-bundle.sh JDK_HOME DIST_DIR
set -euo pipefail
JDK=$1
DIST=$2
JAR="$DIST/formlab-tracker.jar"
[ -f "$JAR" ] || { echo "check-pi-bundle: $JAR is missing (run make pi-bundle)" >&2; exit 1; }
entries=$(mktemp)
trap 'rm -f "$entries"' EXIT
unzip -Z1 "$JAR" > "$entries"
banned='^(ai/djl/|org/tribuo/|org/pytorch/|pytorch/|native/lib/.*torch|org/bytedeco/|org/jcodec/|com/twelvemonkeys/|formlab/cnn/|formlab/pose/estimate/|formlab/cli/)'
if grep -E "$banned" "$entries" | head -n 5 | grep -q .; then
    echo "check-pi-bundle: $JAR contains DJL/PyTorch/TensorFlow Lite/JCodec/Tribuo/TwelveMonkeys classes:" >&2
    grep -E "$banned" "$entries" | head -n 5 >&2
    exit 1
fi
for required in formlab/deploy/TrackerMain.class formlab/deploy/formlab-tracker.properties \
        META-INF/services/com.pi4j.extension.Plugin; do
    grep -qx "$required" "$entries" || { echo "check-pi-bundle: $JAR lacks $required" >&2; exit 1; }
done
if grep -qx formlab/deploy/model/card.json "$entries"; then
    model="bundled"
else
    model="NOT bundled (pass --model or set model.path)"
fi
for file in formlab-tracker.properties formlab-tracker.service; do
    [ -f "$DIST/$file" ] || { echo "check-pi-bundle: $DIST/$file is missing" >&2; exit 1; }
done
"$JDK/bin/java" -jar "$JAR" --sample-config > /dev/null
if [ "$model" = "bundled" ]; then
    # every class of the live path, in the small heap the Pi gives it
    jar_path=$(readlink -f "$JAR")
    selftest=$(cd "${TMPDIR:-/tmp}" && "$JDK/bin/java" -Xmx64m -XX:+UseSerialGC -jar "$jar_path" --self-test 2>&1) || {
        echo "check-pi-bundle: the self-test failed:" >&2; echo "$selftest" | tail -n 20 >&2; exit 1; }
    echo "$selftest" | grep -E '^(ready|processing per window|heap|self-test)'
fi
plugins=$(unzip -p "$JAR" META-INF/services/com.pi4j.extension.Plugin | tr '\n' ' ')
echo "Pi bundle OK: $JAR ($(du -h "$JAR" | cut -f1), $(wc -l < "$entries") entries; model $model)"
echo "  Pi4J plugins: $plugins"
echo "  copy $DIST/ to the Pi; see 'Raspberry Pi tracker' in README.md"
