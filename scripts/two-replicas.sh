#!/usr/bin/env bash
# Two replicas of the PostgreSQL build start at once on an empty database: Flyway's lock lets one
# migrate and the other find the schema ready; both become ready. Needs the local PostgreSQL
# (127.0.0.1:5432, user postgres, trust auth) and psql.
#   scripts/two-replicas.sh
set -euo pipefail
cd "$(dirname "$0")/.."
db=dealeval_replicas
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
./mvnw -B -q package -DskipTests -Dquarkus.profile=pg -Dquarkus.package.output-directory=pg-app
pids=()
for i in 1 2; do
  QUARKUS_PROFILE=pg QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db \
    java -Dquarkus.http.port=1819$i -Dquarkus.management.port=2819$i -jar target/pg-app/quarkus-run.jar >"target/replica-$i.log" 2>&1 &
  pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for i in 1 2; do
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:2819$i/q/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fs "http://127.0.0.1:2819$i/q/health/ready" >/dev/null || { echo "replica $i not ready"; exit 1; }
done
rows=$(psql -tA -h 127.0.0.1 -U postgres -d $db -c "select count(*) from flyway_schema_history where success")
migrations=$(ls src/main/resources/db/migration | wc -l)
echo "both replicas ready; $rows migrations applied once ($migrations in the project)"
[ "$rows" = "$migrations" ]
