#!/usr/bin/env bash
# Stored evaluations under sustained load as the history grows: wrk (2 threads, 32 connections)
# posts the grand-bargain evaluation to POST /api/v1/evaluations (stored) in consecutive runs
# against one service, printing after each run the evaluations stored so far, requests/s, p50/p99
# and the service's resident memory (and, on H2, the data directory's size per evaluation), and at the
# end the group commit's mean batch and commit time. JVM options:
# JAVA_OPTS (default: the container's, deploy/jvm.options, with -XX:MaxRAM=512m standing in for its
# 512 Mi memory limit). The first runs include JIT warm-up of the storage path.
#   bench/stored-history.sh [runs, default 5] [seconds per run, default 12]
# Embedded H2 by default (a fresh data directory); for PostgreSQL build the pg variant
# (./mvnw package -DskipTests -Dquarkus.profile=pg -Dquarkus.package.output-directory=pg-app) and run
#   JAR=target/pg-app/quarkus-run.jar QUARKUS_PROFILE=pg QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/<empty db> bench/stored-history.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
secs=${2:-12}
port=18088
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
# A reader key: a key exempts stored evaluations from the anonymous store quota, which would otherwise
# answer most of the stored runs with 429.
. bench/service.sh
start_service stored-history "$port" reader
cat >"$out/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = "bench-reader-key"
wrk.body = '{"scenario":"MAR_2025","bundle":{"purchases":{"agricultureUsdBnPerYear":16,"energyUsdBnPerYear":26,"manufacturedUsdBnPerYear":39,"servicesUsdBnPerYear":19},"investment":{"jobs":500000,"technologyLicensing":true},"finance":{"treasuryChangeUsdBn":100,"reserveCurrencyStandDown":true,"noDevaluationPledge":true},"fentanyl":{"level":"LAW_ENFORCEMENT_PACKAGE"},"usConcessions":{"fentanylTariffPct":0,"standstillMonths":24,"exportControlLevel":3,"cfiusPosture":"CASE_BY_CASE_MINORITY"},"commitment":{"form":"FLOATED_PROPOSAL"}}}'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.requests))
end
LUA
echo "start: RSS $(( $(awk '/VmRSS/{print $2}' /proc/$pid/status) / 1024 )) MB"
for i in $(seq 1 "$runs"); do
  result=$(wrk -t2 -c32 -d"${secs}s" --latency -s "$out/post.lua" "http://127.0.0.1:$port/api/v1/evaluations" | grep '^rps=')
  stored=$(curl -fs "http://127.0.0.1:$port/api/v1/evaluations?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  disk=""
  if [ -d "$out/data" ] && [ "$stored" -gt 0 ]; then
    disk="; data $(du -sm "$out/data" | cut -f1) MB, $(( $(du -sk "$out/data" | cut -f1) * 1024 / stored )) bytes/evaluation"
  fi
  echo "run $i: $result; stored so far $stored; RSS $(( $(awk '/VmRSS/{print $2}' /proc/$pid/status) / 1024 )) MB$disk"
done
# The group commit since the start: evaluations per transaction, and the time to insert and commit one.
curl -fs "http://127.0.0.1:$((port + 1000))/q/metrics" | awk '
  /^dealeval_evaluations_batch_size_count/ {n=$2} /^dealeval_evaluations_batch_size_sum/ {s=$2}
  /^dealeval_evaluations_batch_commit_seconds_count/ {c=$2} /^dealeval_evaluations_batch_commit_seconds_sum/ {t=$2}
  END { if (n > 0 && c > 0) printf "group commit: %d transactions, %.1f evaluations each, %.2f ms each to insert and commit\n", n, s / n, 1000 * t / c }'

