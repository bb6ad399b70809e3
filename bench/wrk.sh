#!/usr/bin/env bash
# HTTP load test on loopback: POST /api/v1/evaluations (computed only, and stored in the embedded
# database under target/wrk/data) against the service's cheapest GET endpoints,
# in the same run, with wrk (Debian package `wrk`), 32 connections, 2 threads.
#   bench/wrk.sh [seconds per run, default 30]
# Starts the packaged service on port 18080 (build it first with ./mvnw package -DskipTests), warms
# it up, measures, prints requests/s, p99 latency and errors per endpoint, and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
port=18080
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
# JAR: another build to measure, e.g. the PostgreSQL one (QUARKUS_PROFILE=pg and QUARKUS_DATASOURCE_JDBC_URL
# in the environment); JAVA_OPTS: JVM options (default: the container's, deploy/jvm.options, with
# -XX:MaxRAM=512m standing in for its 512 Mi memory limit).
# A reader key: a key exempts stored evaluations from the anonymous store quota, which would otherwise
# answer most of the stored runs with 429.
. bench/service.sh
start_service wrk "$port" reader
base="http://127.0.0.1:$port"

cat >"$out/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = "bench-reader-key"
wrk.body = '{"scenario":"MAR_2025","bundle":{"purchases":{"agricultureUsdBnPerYear":16,"energyUsdBnPerYear":26,"manufacturedUsdBnPerYear":39,"servicesUsdBnPerYear":19},"investment":{"jobs":500000,"technologyLicensing":true},"finance":{"treasuryChangeUsdBn":100,"reserveCurrencyStandDown":true,"noDevaluationPledge":true},"fentanyl":{"level":"LAW_ENFORCEMENT_PACKAGE"},"usConcessions":{"fentanylTariffPct":0,"standstillMonths":24,"exportControlLevel":3,"cfiusPosture":"CASE_BY_CASE_MINORITY"},"commitment":{"form":"FLOATED_PROPOSAL"}}}'
LUA
cat >"$out/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.requests))
end
LUA
cat "$out/post.lua" "$out/report.lua" >"$out/post-report.lua"

run() { # name, url, script
  local file="$out/$(printf '%s' "$1" | tr -c 'A-Za-z0-9' '_').txt"
  wrk -t2 -c32 -d"${secs}s" --latency -s "$3" "$2" >"$file" 2>&1
  printf '%-52s %s\n' "$1" "$(grep RESULT "$file" | sed 's/RESULT //')"
}
# Warm-up (JIT) on both paths, not reported.
wrk -t2 -c32 -d20s -s "$out/post-report.lua" "$base/api/v1/evaluations?store=false" >/dev/null
wrk -t2 -c32 -d10s -s "$out/post-report.lua" "$base/api/v1/evaluations/summary" >/dev/null
wrk -t2 -c32 -d10s -s "$out/report.lua" "$base/api/v1/scenarios/GENEVA_2025" >/dev/null
echo "wrk: 2 threads, 32 connections, ${secs}s per endpoint, loopback"
run "GET /q/health/live" "http://127.0.0.1:$((port + 1000))/q/health/live" "$out/report.lua"
run "GET /api/v1/scenarios/GENEVA_2025" "$base/api/v1/scenarios/GENEVA_2025" "$out/report.lua"
run "GET /api/v1/profiles/default" "$base/api/v1/profiles/default" "$out/report.lua"
run "GET /api/v1/terms" "$base/api/v1/terms" "$out/report.lua"
run "POST /api/v1/evaluations/summary" "$base/api/v1/evaluations/summary" "$out/post-report.lua"
run "POST /api/v1/evaluations?store=false" "$base/api/v1/evaluations?store=false" "$out/post-report.lua"
run "POST /api/v1/evaluations (stored)" "$base/api/v1/evaluations" "$out/post-report.lua"
echo "RSS after load: $(( $(awk '/VmRSS/{print $2}' /proc/$pid/status) / 1024 )) MB"
# With -XX:NativeMemoryTracking=summary in JAVA_OPTS: where the committed memory is, by JVM area.
if [[ "${JAVA_OPTS:-}" == *NativeMemoryTracking* ]]; then
  jcmd $pid VM.native_memory summary scale=MB | grep -E '^(Total|-)' | sed 's/(reserved=[0-9]*MB, //; s/)$//'
fi
