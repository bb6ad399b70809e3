#!/usr/bin/env bash
# The mixed workload of production traffic against the packaged service on loopback, for a bounded
# time: 70% evaluations (stored 20%, computed only 25%, compact view 25%), 20% reads (a stored
# evaluation, the history, a scenario, a profile, the term catalogue) and 10% deal-space analyses
# (comparisons, counteroffers, three-term searches, small sensitivity analyses). Prints requests,
# throughput, p50 and p99 per endpoint and errors, then the service's resident memory; exits
# non-zero on any error (see dev.dealeval.bench.MixedLoad).
#   bench/mixed-load.sh [seconds, default 30] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
conns=${2:-32}
port=18086
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
. bench/service.sh
start_service mixed-load "$port"
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
# Warm-up (JIT), not reported.
java -cp "$cp" dev.dealeval.bench.MixedLoad "http://127.0.0.1:$port" 15 "$conns" 99 >/dev/null || true
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system clock ticks
service_before=$(cpu $pid)
set +e
java -cp "$cp" dev.dealeval.bench.MixedLoad "http://127.0.0.1:$port" "$secs" "$conns" 1 &
generator=$!
generator_cpu=0
while kill -0 $generator 2>/dev/null; do generator_cpu=$(cpu $generator 2>/dev/null || echo "$generator_cpu"); sleep 0.5; done
wait $generator
status=$?
set -e
hz=$(getconf CLK_TCK)
echo "CPU used: service $(( ($(cpu $pid) - service_before) / hz )) s, load generator ${generator_cpu:+$(( generator_cpu / hz ))} s (of $(( 2 * secs )) s on 2 cores)"
echo "RSS after load: $(( $(awk '/VmRSS/{print $2}' /proc/$pid/status) / 1024 )) MB"
exit $status
