#!/usr/bin/env bash
# POST /api/v1/fits on the packaged service: the time of a fit with its out-of-fold checks (leave-one-out
# and the temporal split), of the decision settings alone, with the criterion weights and with the
# factions' clouts, on the 55
# built-in episodes and on a stored set of 120 (the built-in episodes twice and ten of them a third time,
# under new ids: for timing only, its scores mean nothing). Each fit is the first of its kind (nothing
# cached). JVM options: JAVA_OPTS (default: the container's, deploy/jvm.options, with -XX:MaxRAM=512m
# standing in for its 512 Mi memory limit).
#   bench/fits.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=18089
command -v jq >/dev/null || { echo "jq is not installed: apt-get install -y jq" >&2; exit 2; }
. bench/service.sh
start_service fits "$port" editor
store_timing_set timing-120 2 10
printf '%-12s %-9s %8s %s\n' "episodes" "fitted" "seconds" "leave-one-out"
for set in built-in timing-120; do
  for what in settings +weights +clouts; do
    case "$what" in
      settings) extra="" ;;
      +weights) extra=", \"weights\": true" ;;
      +clouts) extra=", \"clouts\": true" ;;
    esac
    body="{\"episodeSet\": \"$set\"$extra}"
    secs=$(curl -sf -o "$out/fit.json" -w '%{time_total}' -X POST "localhost:$port/api/v1/fits" \
      -H 'Content-Type: application/json' -d "$body")
    printf '%-12s %-9s %8.2f %s\n' "$set" "$what" "$secs" \
      "$(jq -r '"\(.leaveOneOut.sideAgreeing)/\(.leaveOneOut.sideDecisions), Brier \(.leaveOneOut.brierScore * 1000 | round / 1000)"' "$out/fit.json")"
  done
done
