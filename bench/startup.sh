#!/usr/bin/env bash
# Start-up to ready: launches the packaged service N times on an empty data directory and reports,
# for each run, the seconds from the launch until GET /q/health/ready answers 200, then the median.
#   bench/startup.sh [runs, default 5]
# JAR: the build to measure (default the H2 one); JAVA_OPTS: JVM options (default: the container's,
# deploy/jvm.options, with -XX:MaxRAM=512m standing in for the container's 512 Mi memory limit).
# APPCDS=1: with an AppCDS archive recorded first as the image records it (deploy/record-appcds.sh, a
# training run writing app-cds.jsa beside the jar), and run as the image runs it: from the jar's directory.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=18081
jar=${JAR:-target/quarkus-app/quarkus-run.jar}
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
opts=${JAVA_OPTS:-@$PWD/deploy/jvm.options -XX:MaxRAM=512m}
dir=.
if [ "${APPCDS:-0}" = 1 ]; then
  dir=$(dirname "$jar")
  deploy/record-appcds.sh "$dir" "$PWD/deploy/jvm.options"
  opts="$opts -XX:SharedArchiveFile=app-cds.jsa"
  jar=$(basename "$jar")
fi
out=$PWD/target/startup
mkdir -p "$out"
times=()
for i in $(seq 1 "$runs"); do
  rm -rf "$out/data"
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  (cd "$dir" && exec java $opts -Dquarkus.http.port=$port -Dquarkus.management.port=$((port + 1000)) -Dquarkus.log.level=WARN -Ddealeval.data-dir="$out/data" -jar "$jar") \
    >"$out/service.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$((port + 1000))/q/health/ready"; do
    kill -0 $pid 2>/dev/null || { echo "the service stopped; see $out/service.log" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  t=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.2f", (b-a)/1e9}')
  times+=("$t")
  echo "run $i: ready in $t s"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END{printf "median: %.2f s over %d runs (load average %s)\n", a[int((NR+1)/2)], NR, "'"$(cut -d' ' -f1 /proc/loadavg)"'"}'
