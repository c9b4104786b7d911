#!/usr/bin/env bash
# The emulator's throughput: builds flowii-emulator and flowii-emulator-bench
# (Release, ${FLOWII_BENCH_DIR:-build-bench}), starts flowii-emulator on a loopback
# port and prints requests/s of small keep-alive GETs for 1 and N client threads
# (default: 1 and 4; e.g. `scripts/bench-emulator.sh 1 2 8`). Not part of ctest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FLOWII_BENCH_DIR:-$root/build-bench}"
jobs="${FLOWII_BENCH_JOBS:-$(nproc)}"
threads=("$@")
[ ${#threads[@]} -gt 0 ] || threads=(1 4)
requests="${FLOWII_BENCH_REQUESTS:-50000}"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DFLOWII_BUILD_BENCHMARKS=ON \
      -DFLOWII_BUILD_EXAMPLES=OFF -DFLOWII_WERROR=ON >/dev/null
cmake --build "$build" -j"$jobs" --target flowii-emulator flowii-emulator-bench >/dev/null

emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

coproc EMU { exec "$build/tools/emulator/flowii-emulator" --port 0; }
emulator_pid=$EMU_PID
read -r ready url <&"${EMU[0]}"
[ "$ready" = FLOWII_EMULATOR_LISTENING ] || { echo "flowii-emulator did not start" >&2; exit 1; }
echo "flowii-emulator throughput — $(nproc) CPUs, GET /users/self, $requests requests per run" >&2
"$build/bench/flowii-emulator-bench" "$url" "${threads[@]}" --requests "$requests"
