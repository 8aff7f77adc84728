#!/usr/bin/env bash
# Installs the Debian packages etgrad's build, tests, demo and benchmarks need, when missing.
# Usage: scripts/install_deps.sh [extra packages...]
set -euo pipefail

packages=(cmake make g++ libeigen3-dev libboost-dev catch2 libbenchmark-dev zlib1g-dev
          dataset-fashion-mnist python3 python3-numpy "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
