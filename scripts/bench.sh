#!/usr/bin/env bash
# Builds the benchmarks (Release, ${FLOWII_BENCH_DIR:-build-bench}) and runs every
# one of them in one go, printing each figure beside its baseline: the SDK against
# hand-written libcurl + nlohmann code, both talking to the same emulator. See
# BENCHMARKS.md for what each line means. Not part of ctest: nothing here asserts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FLOWII_BENCH_DIR:-$root/build-bench}"
jobs="${FLOWII_BENCH_JOBS:-$(nproc)}"
callgrind_calls=64      # under the emulator's 100 requests per keep-alive connection
rss_partners=100000

"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DFLOWII_BUILD_BENCHMARKS=ON \
      -DFLOWII_BUILD_EXAMPLES=OFF -DFLOWII_WERROR=ON >/dev/null
cmake --build "$build" -j"$jobs" --target flowii-bench flowii-emulator
bench="$build/bench/flowii-bench"
emulator="$build/tools/emulator/flowii-emulator"

out="$(mktemp -d)"
emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$out"
}
trap cleanup EXIT

echo "== Google Benchmark: calls (goals 1, 6) and decoding (goal 4), in-process emulator" >&2
"$bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
         --benchmark_out="$out/gbench.csv" --benchmark_out_format=csv >&2
echo "== counts and prefetch (goals 2, 5, 7), in-process emulator" >&2
"$bench" connections | tee "$out/figures" >&2
"$bench" single-flight | tee -a "$out/figures" >&2
"$bench" prefetch | tee -a "$out/figures" >&2
echo "== bulk work (goals 8-10): parallel listing, concurrent calls, the emulator's scaling" >&2
"$bench" parallel-listing | tee -a "$out/figures" >&2
"$bench" concurrent-calls | tee -a "$out/figures" >&2
"$bench" emulator-scaling | tee -a "$out/figures" >&2

echo "== peak RSS (goal 3) and instructions per call (goal 1), loopback flowii-emulator" >&2
coproc EMU { exec "$emulator" --port 0; }
emulator_pid=$EMU_PID
read -r ready url <&"${EMU[0]}"
[ "$ready" = FLOWII_EMULATOR_LISTENING ] || { echo "flowii-emulator did not start" >&2; exit 1; }
"$bench" seed "$url" "$rss_partners"
# Separate processes, so each peak is its own: one page, then every page.
"$bench" rss "$url" one | tee -a "$out/figures" >&2
"$bench" rss "$url" all | tee -a "$out/figures" >&2
for side in sdk raw; do
  # Only the measured loop is collected (--toggle-collect), in the client process alone.
  valgrind --tool=callgrind --collect-atstart=no --toggle-collect="*${side}_loop*" \
           --callgrind-out-file="$out/callgrind.$side" --log-file="$out/valgrind.$side" \
           "$bench" calls "$side" "$url" "$callgrind_calls" >/dev/null
  collected=$(sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$out/valgrind.$side")
  echo "callgrind.$side.ir_per_call $((collected / callgrind_calls))" | tee -a "$out/figures" >&2
done

# name -> value from "name value" lines; Google Benchmark medians from its CSV.
figure() { awk -v k="$1" '$1 == k { print $2 }' "$out/figures"; }
# Column 3 = real_time, 7 = items_per_second; time converted to microseconds.
gbench() {
  awk -F, -v name="\"$1_median\"" -v col="$2" '$1 == name {
    v = $col
    if (col == 3) { unit = $5; v = (unit == "ns") ? v / 1000 : (unit == "ms") ? v * 1000 : v }
    print v }' "$out/gbench.csv"
}

row() {  # goal, SDK figure, baseline figure, target text, met expression (awk, over s, b and r = s/b)
  awk -v g="$1" -v s="$2" -v b="$3" -v t="$4" "BEGIN {
    if (s == \"\" || b == \"\" || b + 0 == 0) { printf \"| %-52s | %14s | %14s | %7s | %-8s | %-7s |\n\", g, s, b, \"n/a\", t, \"no figure\"; exit }
    r = s / b; met = (t == \"info\") ? \"-\" : ($5) ? \"met\" : \"NOT met\"
    printf \"| %-52s | %14s | %14s | %7.3f | %-8s | %-7s |\n\", g, s, b, r, t, met }"
}

echo
echo "flowii-cpp benchmarks — $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo
printf '| %-52s | %14s | %14s | %7s | %-8s | %-7s |\n' goal SDK baseline ratio target result
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..54})" "$(printf -- '-%.0s' {1..16})" \
       "$(printf -- '-%.0s' {1..16})" "---------" "----------" "---------"
row "1 get, 1 thread: us per call (wall)" "$(gbench BM_GetSdk/real_time 3)" "$(gbench BM_GetRaw/real_time 3)" "<= 1.10" "r <= 1.10"
row "1 get: instructions per call (callgrind)" "$(figure callgrind.sdk.ir_per_call)" "$(figure callgrind.raw.ir_per_call)" "<= 1.05" "r <= 1.05"
row "2 TCP connections, 1,000 sequential calls" "$(figure connections.sequential.sdk)" "$(figure connections.sequential.raw)" "SDK = 1" "s == 1"
row "2 TCP connections, 8 threads x 125 calls" "$(figure connections.threads8.sdk)" "$(figure connections.threads8.raw)" "SDK <= 8" "s <= 8"
row "3 peak RSS kB, $rss_partners partners vs 1 page" "$(figure rss.all.max_kb)" "$(figure rss.one.max_kb)" "<= 2.0" "r <= 2.0"
row "4 decode 1,000 partners: us (typed vs parse)" "$(gbench BM_DecodeTyped 3)" "$(gbench BM_DecodeJson 3)" "<= 1.5" "r <= 1.5"
row "5 token requests, 64 threads, expired token" "$(figure single_flight.token_requests)" "64" "SDK = 1" "s == 1"
row "6 calls/s, 8 threads (one shared client)" "$(gbench BM_GetSdk/real_time/threads:8 7)" "$(gbench BM_GetRaw/real_time/threads:8 7)" ">= 0.8" "r >= 0.8"
row "7 listing s, +20 ms latency, prefetch on/off" "$(figure prefetch.on_seconds)" "$(figure prefetch.off_seconds)" "< 1" "r < 1"
row "8 list 100,025 partners s, +30 ms: 8 pages/prefetch" "$(figure parallel_listing.parallel8_seconds)" "$(figure parallel_listing.prefetch_seconds)" "<= 0.25" "r <= 0.25"
row "8 same ids in the same order (1 = yes)" "$(figure parallel_listing.items_equal)" "1" "= 1" "s == 1"
row "8 pages held at once, 8 pages vs bound N+1" "$(figure parallel_listing.parallel8_max_pages_held)" "9" "<= 9" "s <= b"
row "9 1,000 creates s, +30 ms: batch 8-wide/sequential" "$(figure concurrent_calls.batch8_seconds)" "$(figure concurrent_calls.sequential_seconds)" "<= 0.20" "r <= 0.20"
row "9 duplicate records / records created" "$(figure concurrent_calls.duplicates)" "$(figure concurrent_calls.created)" "= 0" "s == 0"
row "9 quota 100/s, 8-wide: seconds / ideal" "$(figure quota.seconds)" "$(figure quota.ideal_seconds)" "<= 1.2" "r <= 1.2"
row "9 quota 100/s, 8-wide: 429s / requests" "$(figure quota.429s)" "$(figure quota.requests)" "<= 0.05" "r <= 0.05"
row "10 emulator create us, 100,000 vs 1,000 partners" "$(figure emulator_scaling.create_100k_us)" "$(figure emulator_scaling.create_1k_us)" "<= 2.0" "r <= 2.0"
row "10 emulator update us, 100,000 vs 1,000 partners" "$(figure emulator_scaling.update_100k_us)" "$(figure emulator_scaling.update_1k_us)" "<= 2.0" "r <= 2.0"
row "10 emulator delete us, 100,000 vs 1,000 partners" "$(figure emulator_scaling.delete_100k_us)" "$(figure emulator_scaling.delete_1k_us)" "<= 2.0" "r <= 2.0"
row "10 emulator list pages/s, 4 threads vs 1" "$(figure emulator_scaling.lists_4threads_per_s)" "$(figure emulator_scaling.lists_1thread_per_s)" ">= 1.3" "r >= 1.3"
row "10 emulator reads/s, 4 threads vs 1" "$(figure emulator_scaling.reads_4threads_per_s)" "$(figure emulator_scaling.reads_1thread_per_s)" "info" "1"
