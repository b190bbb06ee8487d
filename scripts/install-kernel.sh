#!/usr/bin/env bash
# Installs (or refreshes) the "Java (FormLab)" Jupyter kernel for the current user.
#
# The kernel is rapaio-jupyter-kernel from Maven Central with FormLab's start-up fix placed first
# on its classpath (kernel/ module). Its notebooks see the FormLab library and all of its
# dependencies (app/target: the application JAR, with core, dl and deploy in its dependency/) through RJK_CLASSPATH, so they need no %maven magic and no network.
# Installing twice is harmless: an unchanged kernel is left as it is.
#
# Two copies are written: one inside the checkout (build/jupyter/kernels), which the notebook
# runner uses so that several checkouts never disturb each other, and one for the current user
# (JUPYTER_DATA_DIR, default ~/.local/share/jupyter) so that `jupyter notebook` offers it.
# Pass --local-only to skip the user copy. Needs the kernel and app modules packaged (make build).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KERNEL_NAME=formlab-java
JDK=$("$ROOT/scripts/find-jdk.sh")

upstream="$ROOT/kernel/target/kernel/rapaio-jupyter-kernel.jar"
fix=$(ls "$ROOT"/kernel/target/formlab-kernel-*.jar 2>/dev/null | head -n 1 || true)
lib=$(ls "$ROOT"/app/target/formlab-app-*.jar 2>/dev/null | grep -v -E 'sources|javadoc' | head -n 1 || true)
for f in "$upstream" "$fix" "$lib"; do
    if [ -z "$f" ] || [ ! -f "$f" ]; then
        echo "install-kernel: missing build output ${f:-(kernel/target/formlab-kernel-*.jar or app/target/formlab-app-*.jar)}; run 'make build' first" >&2
        exit 1
    fi
done

install_into() {  # $1 = kernels folder
local target="$1/$KERNEL_NAME"
local staging
staging=$(mktemp -d "${TMPDIR:-/tmp}/formlab-kernel.XXXXXX")

cp "$upstream" "$staging/rapaio-jupyter-kernel.jar"
cp "$fix" "$staging/formlab-kernel-fix.jar"
cp "$ROOT/kernel/init.jsh" "$staging/init.jsh"
/usr/bin/env python3 - "$staging" "$target" "$JDK" "$lib" "$ROOT" <<'PY'
import json, sys
staging, target, jdk, lib, root = sys.argv[1:]
spec = {
    "argv": [
        f"{jdk}/bin/java",
        "--enable-native-access=ALL-UNNAMED",
        "-Djava.awt.headless=true",
        "-Dai.djl.offline=true",
        "-XX:+UseSerialGC",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda=error",
        "-cp", f"{target}/formlab-kernel-fix.jar:{target}/rapaio-jupyter-kernel.jar",
        "org.rapaio.jupyter.kernel.MainApp",
        "{connection_file}",
    ],
    "display_name": "Java (FormLab)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {
        "RJK_CLASSPATH": f"{lib};{root}/app/target/dependency/*.jar",
        "RJK_INIT_SCRIPT": f"{target}/init.jsh",
        "RJK_TIMEOUT_MILLIS": "-1",
        "OPT_OUT_TRACKING": "true"
    },
    "metadata": {"formlab": True},
}
with open(f"{staging}/kernel.json", "w") as out:
    json.dump(spec, out, indent=2)
    out.write("\n")
PY

if [ -d "$target" ] && diff -rq "$staging" "$target" >/dev/null 2>&1; then
    echo "Kernel '$KERNEL_NAME' is up to date in $target"
else
    mkdir -p "$(dirname "$target")"
    rm -rf "$target.new" && cp -r "$staging" "$target.new"
    rm -rf "$target" && mv "$target.new" "$target"
    echo "Installed kernel '$KERNEL_NAME' (Java (FormLab), JDK $JDK) in $target"
fi
rm -rf "$staging"
}

install_into "$ROOT/build/jupyter/kernels"
if [ "${1:-}" != "--local-only" ]; then
    install_into "${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels"
fi
