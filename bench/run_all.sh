#!/usr/bin/env bash
# bench/run_all.sh: the whole benchmark harness, one command. Builds the
# benchmarks optimized, runs them, measures compile cost and include cost,
# and writes every figure BENCHMARKS.md quotes under bench/results/:
#
#   machine.txt              CPU, cores, compiler versions
#   runtime_sweep.json/.txt  Google Benchmark, 5 repetitions, medians
#   lookup.json/.txt         Google Benchmark, 5 repetitions, medians
#   compile_cost.csv         tables of 1k, 10k, 50k rows (3 runs), 200k (1 run)
#   include_cost.csv         each generated header against an empty TU
#   compile_growth.svg       the chart of compile_cost.csv
#
#   bench/run_all.sh [--quick]   (--quick: 1k and 10k rows, fewer runs)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/bench/results"
mkdir -p "$out"
cd "$root"

quick=0
[ "${1:-}" = "--quick" ] && quick=1

{
  echo "date: $(date -u +%Y-%m-%d)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "cores (nproc): $(nproc)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "g++: $(g++ --version | head -1)"
  echo "clang++: $(clang++ --version | head -1)"
  echo "benchmark: libbenchmark $(dpkg-query -W -f='${Version}' libbenchmark-dev 2>/dev/null || echo unknown)"
} | tee "$out/machine.txt"

bazel build //bench:runtime_sweep_benchmark //bench:lookup_benchmark
bin=$(bazel info bazel-bin 2>/dev/null)/bench
reps=5
[ "$quick" = 1 ] && reps=2
for b in runtime_sweep lookup; do
  "$bin/${b}_benchmark" --benchmark_repetitions="$reps" \
    --benchmark_report_aggregates_only=true \
    --benchmark_out="$out/$b.json" --benchmark_out_format=json |
    tee "$out/$b.txt"
done

if [ "$quick" = 1 ]; then
  bench/compile_cost.sh --rows "1000 10000" --runs 1 >"$out/compile_cost.csv"
  bench/include_cost.sh --runs 3 >"$out/include_cost.csv"
else
  bench/compile_cost.sh --rows "1000 10000 50000" --runs 3 >"$out/compile_cost.csv"
  bench/compile_cost.sh --rows 200000 --runs 1 | tail -n +2 >>"$out/compile_cost.csv"
  bench/include_cost.sh --runs 21 >"$out/include_cost.csv"
fi
cat "$out/compile_cost.csv" "$out/include_cost.csv"
python3 bench/growth_chart.py "$out/compile_cost.csv" >"$out/compile_growth.svg"
echo "wrote $out"
