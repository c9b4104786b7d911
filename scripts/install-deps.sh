#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages flowii-cpp needs. Uses sudo when not run
# as root. Safe to run again.
#   scripts/install-deps.sh              # everything: build, test, lint, fuzz, benchmarks, Dredd
#   scripts/install-deps.sh quickstart   # only what the library, the emulator and the examples need
set -euo pipefail
profile="${1:-all}"

# The library, the emulator and the example programs.
packages=(
  build-essential cmake pkg-config ca-certificates ccache curl
  libcurl4-openssl-dev libssl-dev nlohmann-json3-dev  # the SDK (OpenSSL also for the TLS tests)
  libcpp-httplib-dev                           # the emulator
)
case "$profile" in
  quickstart) ;;
  all)
    packages+=(
      libgtest-dev libgmock-dev googletest     # tests and the flowii::testing kit
      libcli11-dev                             # the flowii command-line tool
      doxygen                                  # the API reference (target flowii_docs)
      clang-tidy clang-format                  # lint and format checks (scripts/lint.sh)
      nodejs                                   # Dredd, the blueprint contract run (below)
      python3                                  # the contract run and the source checks (ctest -L lint)
      libbenchmark-dev valgrind                # benchmarks (scripts/bench.sh)
      faketime stress                          # the suite with the calendar moved; the load test
      clang libclang-rt-14-dev                 # fuzzing with libFuzzer (scripts/fuzz.sh)
    ) ;;
  *) echo "install-deps.sh: unknown profile '$profile' (all or quickstart)" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Debian's nodejs comes without npm; NodeSource's bundles it and conflicts with Debian's npm.
[ "$profile" = quickstart ] || command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ "$profile" = quickstart ] && exit 0

# Dredd (npm) checks the emulator against FLOWii's blueprint (ctest
# contract_dredd). It goes into the git-ignored .tools/dredd of this checkout,
# pinned, and is installed only when that exact version is not there yet.
dredd_version=14.1.0
dredd_dir="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)/.tools/dredd"
installed="$(node -p "require('$dredd_dir/node_modules/dredd/package.json').version" 2>/dev/null || true)"
if [ "$installed" != "$dredd_version" ]; then
  echo "installing: dredd@$dredd_version into $dredd_dir" >&2
  mkdir -p "$dredd_dir"
  npm install --prefix "$dredd_dir" --no-audit --no-fund --no-save --loglevel=error "dredd@$dredd_version" >/dev/null
fi
