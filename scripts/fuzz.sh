#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each one for
# FLOWII_FUZZ_SECONDS (default 30) from a corpus seeded with the examples of
# FLOWii's blueprint (from the reference folder beside the project). CI runs it
# short; for a longer local run: FLOWII_FUZZ_SECONDS=3600 scripts/fuzz.sh
# Crashes are saved as build-fuzz/crashes/<target>/crash-*; turn each one into a
# regression test before fixing it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FLOWII_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${FLOWII_FUZZ_SECONDS:-30}"
reference="${FLOWII_REFERENCE_DIR:-$root/../shared/reference}"

"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DFLOWII_BUILD_FUZZERS=ON -DFLOWII_BUILD_TESTS=OFF -DFLOWII_BUILD_EMULATOR=OFF -DFLOWII_BUILD_EXAMPLES=OFF \
  -DFLOWII_WERROR=ON >/dev/null
targets=(jsonapi_document error_body token_response retry_after datetime)
cmake --build "$build" -j"$(nproc)" --target fuzz_seed_corpus "${targets[@]/#/fuzz_}"

corpus="$build/corpus"
if [[ -f "$reference/flowii-api.apib" ]]; then
  "$build/tests/fuzz/fuzz_seed_corpus" "$reference/flowii-api.apib" "$corpus"
else
  echo "fuzz.sh: no blueprint at $reference; seeding without its examples" >&2
  "$build/tests/fuzz/fuzz_seed_corpus" /dev/null "$corpus" || true
fi

# One fuzzer per core at a time: every target still gets its full time, in
# less wall time. Each one's result goes to its own log; the summary is in
# target order.
run_target() {
  local t="$1" log="$build/fuzz_$1.log"
  mkdir -p "$corpus/$t" "$build/crashes/$t"
  if "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$build/crashes/$t/" "$corpus/$t" >"$log" 2>&1; then
    echo ok >"$build/fuzz_$t.result"
  else
    echo crash >"$build/fuzz_$t.result"
  fi
}
jobs_max="$(nproc)"
for t in "${targets[@]}"; do
  rm -f "$build/fuzz_$t.result"
  while (( $(jobs -rp | wc -l) >= jobs_max )); do wait -n || true; done
  run_target "$t" &
done
wait

status=0
for t in "${targets[@]}"; do
  log="$build/fuzz_$t.log"
  if [[ "$(cat "$build/fuzz_$t.result" 2>/dev/null)" == ok ]]; then
    runs="$(grep -o 'Done [0-9]* runs' "$log" | tail -1 | grep -o '[0-9]*' || echo '?')"
    echo "fuzz_$t: ${runs} executions in ${seconds} s, no crash"
  else
    echo "fuzz_$t: CRASH (see $log and $build/crashes/$t/)" >&2
    tail -40 "$log" >&2
    status=1
  fi
done
exit "$status"
