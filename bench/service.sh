# Sourced by the bench/ scripts: starts the packaged service for one benchmark and stops it on exit,
# and stores episode sets for timing.
#   start_service NAME PORT [ROLE]
# builds the jar if it is missing, empties target/NAME/data, starts JAR (default the packaged
# service) on PORT with its management port at PORT + 1000 and JAVA_OPTS (default: the container's,
# deploy/jvm.options, with -XX:MaxRAM=512m standing in for its 512 Mi memory limit), configured with
# the key bench-ROLE-key for ROLE (reader or editor; configured by its SHA-256, as in production) when
# ROLE is given, and waits until it is ready. Sets out (target/NAME), pid and key.
start_service() {
  local name=$1 port=$2 role=${3:-}
  local jar=${JAR:-target/quarkus-app/quarkus-run.jar}
  [ -f "$jar" ] || ./mvnw -B -q package -DskipTests
  out=target/$name
  mkdir -p "$out"
  rm -rf "$out/data"
  key=
  local keys=()
  if [ -n "$role" ]; then
    key=bench-$role-key
    keys=(DEALEVAL_SECURITY_API_KEYS="bench:$role:$(printf %s "$key" | sha256sum | cut -d' ' -f1)")
  fi
  env "${keys[@]}" java ${JAVA_OPTS:-@deploy/jvm.options -XX:MaxRAM=512m} \
    -Dquarkus.http.port="$port" -Dquarkus.management.port=$((port + 1000)) -Dquarkus.log.level=WARN \
    -Ddealeval.data-dir="./$out/data" -jar "$jar" >"$out/service.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 150); do
    curl -fs "http://127.0.0.1:$((port + 1000))/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "the service did not become ready on port $port: see $out/service.log" >&2
  return 1
}

# Stores, on the service start_service started, an episode set for timing only: the built-in episodes
# COPIES times and the first EXTRA of them once more, under new ids (its scores mean nothing).
#   store_timing_set ID COPIES EXTRA
store_timing_set() {
  local id=$1 copies=$2 extra=$3
  curl -sf "localhost:$port/api/v1/episode-sets/built-in" |
    jq --arg id "$id" --argjson copies "$copies" --argjson extra "$extra" \
      '{id: $id, name: "\($id): episodes for timing",
        episodes: ([range(0; $copies) as $k | .episodes[] | .id += "-\($k)"]
                   + [.episodes[0:$extra][] | .id += "-\($copies)"])}' >"$out/set.json"
  curl -sf -o /dev/null -X POST "localhost:$port/api/v1/episode-sets" -H "X-API-Key: $key" \
    -H 'Content-Type: application/json' -d @"$out/set.json"
}
