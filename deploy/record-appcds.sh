#!/bin/sh
# Records app-cds.jsa, an AppCDS archive of the classes the service loads to start and to answer its
# first requests, with the JVM and options that will run it. The Dockerfile runs it in the runtime
# image; bench/startup.sh (APPCDS=1) runs it on the packaged jar.
#   deploy/record-appcds.sh <directory of quarkus-run.jar> <jvm.options>
# A training run: the service starts without migrating (no database is needed or touched, so the
# image build needs none), answers a few requests (an evaluation in both views, a scenario, the
# catalogue, readiness), stops on SIGTERM, and the JVM writes the archive as it exits
# (-XX:ArchiveClassesAtExit). The archive holds every class of that run, about twice what Quarkus'
# own archive holds (its recording stops after static init). A JVM that cannot use the archive (another
# build, another JDK) warns and starts without it.
set -eu
dir=$1
options=$2
port=${RECORD_PORT:-18079}
cd "$dir"
rm -f app-cds.jsa
java @"$options" -XX:ArchiveClassesAtExit=app-cds.jsa -Xlog:cds*=error -Dquarkus.http.port="$port" -Dquarkus.management.port="$((port + 1000))" -Dquarkus.log.level=WARN \
  -Dquarkus.flyway.migrate-at-start=false -Ddealeval.security.open-reads=true -jar quarkus-run.jar &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
tries=0
until curl -fs -o /dev/null "http://127.0.0.1:$((port + 1000))/q/health/live"; do
  tries=$((tries + 1))
  if [ "$tries" -gt 600 ] || ! kill -0 "$pid" 2>/dev/null; then
    echo "record-appcds: the training run did not start" >&2
    kill "$pid" 2>/dev/null || true
    exit 1
  fi
  sleep 0.1
done
body='{"scenario":"GENEVA_2025","bundle":{"purchases":{"agricultureUsdBnPerYear":16},"fentanyl":{"level":"LAW_ENFORCEMENT_PACKAGE"}}}'
for view in explained summary; do
  curl -fs -o /dev/null -H 'Content-Type: application/json' -d "$body" "$base/api/v1/evaluations?store=false&view=$view"
done
curl -fs -o /dev/null "$base/api/v1/scenarios/GENEVA_2025"
curl -fs -o /dev/null "$base/api/v1/terms"
curl -s -o /dev/null "http://127.0.0.1:$((port + 1000))/q/health/ready" # DOWN without a database; the classes are what counts
kill -TERM "$pid"
wait "$pid" || true
[ -s app-cds.jsa ] || { echo "record-appcds: no archive was written" >&2; exit 1; }
echo "record-appcds: $(du -k app-cds.jsa | cut -f1) KB archive in $dir"
