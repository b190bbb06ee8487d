#!/usr/bin/env bash
# Prints the home folder of a JDK 21 or newer (java + javac), or fails with a message naming
# every place it looked. Order: $JAVA_HOME, the javac on PATH, then /usr/lib/jvm/* (newest first).
set -euo pipefail
MIN_VERSION=21

major_version() {  # $1 = JDK home; prints its feature version, or nothing
    local out
    out=$("$1/bin/java" -version 2>&1 | head -n 1) || return 0
    echo "$out" | sed -E -n 's/.*version "([0-9]+)(\.[^"]*)?".*/\1/p'
}

candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
fi
if [ -d /usr/lib/jvm ]; then
    while IFS= read -r dir; do candidates+=("$dir"); done < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -rV)
fi

looked=()
for home in "${candidates[@]}"; do
    looked+=("$home")
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    version=$(major_version "$home")
    if [ -n "$version" ] && [ "$version" -ge "$MIN_VERSION" ]; then
        echo "$home"
        exit 0
    fi
done

{
    echo "FormLab needs a JDK $MIN_VERSION or newer (java and javac), and none was found."
    echo "Looked at: ${looked[*]:-(nothing: JAVA_HOME unset, no javac on PATH, no /usr/lib/jvm)}"
    echo "Install one (for example Debian's openjdk-21-jdk or Temurin 21+) and set JAVA_HOME to it."
} >&2
exit 1
