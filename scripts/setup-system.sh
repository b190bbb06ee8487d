#!/usr/bin/env bash
# Installs the Debian packages FormLab needs when they are missing:
#   - Jupyter for /usr/bin/python3: python3-nbclient, jupyter-nbconvert, jupyter-client (headless
#     runs and reports) and jupyter-notebook (the classic Notebook server of `make notebook`);
#   - the browser tests of the notebooks and of the live page: chromium, chromium-driver and python3-selenium,
#     and python3-pil, with which the live page test makes its fake-camera clip;
#   - python3-sklearn (with numpy and scipy), for the Python peer benchmarks (`make bench-peers`).
# Does nothing when everything is present. Pass --check to only say what is missing (exit 1 then).
set -euo pipefail
packages=(jupyter-nbconvert python3-nbclient jupyter-client jupyter-notebook chromium chromium-driver python3-selenium python3-pil python3-sklearn)
probe='import nbclient, nbconvert, jupyter_client, notebook, selenium, PIL, sklearn, scipy'

missing() {
    /usr/bin/python3 -c "$probe" >/dev/null 2>&1 || return 0
    [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return 1
    return 0
}

if ! missing; then
    echo "System packages present: ${packages[*]}"
    exit 0
fi
if [ "${1:-}" = "--check" ]; then
    echo "setup: some of ${packages[*]} are missing (run 'make setup')" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: /usr/bin/python3 lacks Jupyter or Selenium ($probe), or /usr/bin/chromium or /usr/bin/chromedriver is missing, and apt-get is not available." >&2
    echo "Install the Debian packages ${packages[*]} (or their equivalents), or use environment.yml with conda for Jupyter." >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "setup: installing ${packages[*]} needs root; run: apt-get install ${packages[*]}" >&2
        exit 1
    fi
fi
echo "Installing ${packages[*]} with apt-get (once; Chromium is about 100 MB) ..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
/usr/bin/python3 -c "$probe"
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]
echo "System packages installed: ${packages[*]}"
