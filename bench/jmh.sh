#!/usr/bin/env bash
# JMH benchmarks (docs/benchmarks.md).
#   bench/jmh.sh                           the evaluation engine: explained and utility-only
#   bench/jmh.sh AnalysisBenchmark         frontier, searches of 1.15 and 10.4 million bundles, SMAA
#   bench/jmh.sh EvaluationJsonBenchmark   writing an explained evaluation as JSON (with and without computing it)
#   bench/jmh.sh AnalysisBenchmark.frontier -p searchSize=1152000
#   bench/jmh.sh EvaluationBenchmark -f 2 -i 10   (any JMH options after the benchmark name)
set -euo pipefail
cd "$(dirname "$0")/.."
which=EvaluationBenchmark
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then which=$1; shift; fi
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "$which" "$@"
