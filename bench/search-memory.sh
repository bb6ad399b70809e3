#!/usr/bin/env bash
# Search memory against the size of the deal space (docs/analyses.md: flat, it grows with the frontier).
# Each size runs in a fresh JVM with the same 32 MB heap; prints time, frontier size and the peak
# live heap (after a forced full collection every 50 ms) during a second run of the search.
#   bench/search-memory.sh [sizes...]     default: 57600 1152000 10368000
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(57600 1152000 10368000)
for n in "${sizes[@]}"; do
  java -Xms32m -Xmx32m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.dealeval.bench.SearchMemoryProbe "$n"
done
