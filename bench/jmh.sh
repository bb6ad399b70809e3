#!/usr/bin/env bash
# JMH benchmark of the evaluation engine (fully explained, and utility-only as in a search).
#   bench/jmh.sh [extra JMH options]      e.g. bench/jmh.sh -f 2 -i 10
# Prints average time per evaluation in ns; utility-only bundles/s per core = 1e9 / ns.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main EvaluationBenchmark "$@"
