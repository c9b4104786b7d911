#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages flowii-cpp needs to build, test and run
# its examples. Uses sudo when not run as root. Safe to run again.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ca-certificates
  libcurl4-openssl-dev nlohmann-json3-dev      # the SDK
  libcpp-httplib-dev                           # the emulator
  libgtest-dev libgmock-dev googletest         # tests
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
