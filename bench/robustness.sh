#!/usr/bin/env bash
# GET /api/v1/backtests/robustness on the packaged service: the time of the robustness suite (every
# episode re-read with one reasonable change of its encoding) on the 55 built-in episodes and on a
# stored set of 500, the largest a set may hold (the built-in episodes nine times and five of them a
# tenth, under new ids: for timing only, its flips mean nothing). Each run is measured three times; the
# time curl sees. JVM options: JAVA_OPTS (default: the container's, deploy/jvm.options, with
# -XX:MaxRAM=512m standing in for its 512 Mi memory limit).
#   bench/robustness.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=18091
command -v jq >/dev/null || { echo "jq is not installed: apt-get install -y jq" >&2; exit 2; }
. bench/service.sh
start_service robustness "$port" editor
store_timing_set timing-500 9 5
printf '%-12s %13s %6s %s\n' "episodes" "perturbations" "flips" "seconds (three runs)"
for set in built-in timing-500; do
  times=()
  for _ in 1 2 3; do
    times+=("$(curl -sf -o "$out/robustness.json" -w '%{time_total}' \
      "localhost:$port/api/v1/backtests/robustness?episodeSet=$set")")
  done
  printf '%-12s %13s %6s %s\n' "$set" "$(jq .perturbations "$out/robustness.json")" \
    "$(jq .flips "$out/robustness.json")" "${times[*]}"
done
