#!/usr/bin/env bash
# Installs the system packages FormLab needs when they are missing: Debian's Jupyter packages
# (python3-nbclient, jupyter-nbconvert, jupyter-client) for /usr/bin/python3, which run the
# notebooks headless, and headless Chromium with chromedriver and Selenium (python3-selenium), which the
# browser test of the live page (scripts/tests/test_live_page.py) drives, and Pillow (python3-pil), with which it
# makes its fake-camera clip. Pass --notebook to also install the classic Jupyter Notebook server for
# interactive use. Does nothing when everything is present.
set -euo pipefail
packages=(jupyter-nbconvert python3-nbclient jupyter-client chromium chromium-driver python3-selenium python3-pil)
probe='import nbclient, nbconvert, jupyter_client, selenium, PIL, shutil; assert shutil.which("chromium") and shutil.which("chromedriver")'
if [ "${1:-}" = "--notebook" ]; then
    packages+=(jupyter-notebook)
    probe="$probe, notebook"
fi

if /usr/bin/python3 -c "$probe" >/dev/null 2>&1; then
    echo "System packages present: ${packages[*]}"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: /usr/bin/python3 lacks Jupyter ($probe failed) and apt-get is not available." >&2
    echo "Install nbclient, nbconvert and jupyter_client for /usr/bin/python3, or use environment.yml with conda." >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "setup: installing ${packages[*]} needs root; run: apt-get install ${packages[*]}" >&2
        exit 1
    fi
fi
echo "Installing ${packages[*]} with apt-get ..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
/usr/bin/python3 -c "$probe"
echo "System packages installed: ${packages[*]}"
