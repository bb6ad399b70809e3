#!/usr/bin/env bash
# Nothing acknowledged is lost: start the packaged service (embedded H2 build) on a fresh data
# directory, stream profile creations at it from several clients, kill -9 the service mid-stream,
# start it again and check that every write that was answered 201 is there.
#   scripts/kill9-durability.sh [seconds of writes before the kill, default 5]
# Exits non-zero if an acknowledged write is missing. Needs curl; builds the jar if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-5}
port=18090
out=target/kill9
rm -rf "$out" && mkdir -p "$out"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
key="kill9-editor-key"
hash=$(printf %s "$key" | sha256sum | cut -d' ' -f1)
start() {
  DEALEVAL_SECURITY_API_KEYS="kill9:editor:$hash" java -Dquarkus.http.port=$port -Dquarkus.management.port=$((port + 1000)) -Dquarkus.log.level=WARN \
    -Ddealeval.data-dir="./$out/data" -jar target/quarkus-app/quarkus-run.jar >>"$out/service.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$((port + 1000))/q/health/ready" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "service did not become ready" >&2; exit 2
}
writer() { # client number: create profiles until told to stop, log the ids answered 201
  local n=0
  while [ ! -f "$out/stop" ]; do
    n=$((n + 1))
    local id="k9-$1-$n"
    code=$(curl -s -o /dev/null -w '%{http_code}' -m 5 -H "X-API-Key: $key" -H 'Content-Type: application/json' \
      -d "{\"id\": \"$id\", \"name\": \"kill -9 $1 $n\"}" "http://127.0.0.1:$port/api/v1/profiles" || true)
    [ "$code" = 201 ] && echo "$id" >>"$out/acked-$1"
  done
}
start
for c in 1 2 3 4; do writer $c & done
sleep "$secs"
kill -9 "$pid"
touch "$out/stop"
wait 2>/dev/null || true
acked=$(cat "$out"/acked-* 2>/dev/null | wc -l)
start
missing=0
while read -r id; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/profiles/$id")
  [ "$code" = 200 ] || { echo "MISSING after kill -9: $id (GET answered $code)"; missing=$((missing + 1)); }
done < <(cat "$out"/acked-* 2>/dev/null)
kill "$pid"; wait "$pid" 2>/dev/null || true
echo "kill -9 durability: $acked writes acknowledged before the kill, $missing missing after restart"
[ "$acked" -gt 0 ] || { echo "no write was acknowledged: the test proved nothing" >&2; exit 3; }
[ "$missing" -eq 0 ]
