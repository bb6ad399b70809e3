#!/usr/bin/env bash
# End-to-end HTTP timings of the deal-space analyses (docs/benchmarks.md) against the packaged service on
# loopback: each request is sent N times one after another with curl after a warm-up; prints the
# median and the slowest wall-clock time per request as the client sees it (JSON included), plus
# the service's resident memory at the end.
#   bench/analyses-http.sh [repetitions, default 7]
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-7}
port=18081
# An editor key for the domain import; the heap as these timings were first measured.
. bench/service.sh
JAVA_OPTS=${JAVA_OPTS:--Xmx512m} start_service analyses-http "$port" editor
base="http://127.0.0.1:$port/api/v1"

python3 - "$out" <<'PY'
import json, random, sys
out = sys.argv[1]
random.seed(7)
def bundle():
    return {"purchases": {"agricultureUsdBnPerYear": random.choice([0, 8, 16, 24, 32]),
                          "manufacturedUsdBnPerYear": random.choice([0, 20, 39, 60])},
            "fentanyl": {"level": random.choice(["NONE", "STATEMENT", "LAW_ENFORCEMENT_PACKAGE", "PRECURSOR_LICENSING"])},
            "usConcessions": {"reciprocalTariffPct": random.choice([0, 10, 34]), "fentanylTariffPct": random.choice([0, 10, 20]),
                              "exportControlLevel": random.choice([0, 1, 2, 3, 4]), "standstillMonths": random.choice([0, 12, 24])},
            "commitment": {"form": random.choice(["SIGNED_TEXT", "LEADER_STATEMENT"])}}
default_terms = ["purchases.agricultureUsdBnPerYear", "purchases.energyUsdBnPerYear", "purchases.manufacturedUsdBnPerYear",
                 "investment.jobs", "fentanyl.level", "tiktok.structure", "usConcessions.reciprocalTariffPct",
                 "usConcessions.fentanylTariffPct", "usConcessions.exportControlLevel", "usConcessions.standstillMonths"]
bodies = {
  "search-1.15M": {"scenario": "GENEVA_2025", "frontierLimit": 50},
  "search-9.2M": {"scenario": "GENEVA_2025", "frontierLimit": 50, "terms": [{"term": t} for t in default_terms + [
      "geopolitics.northKorea", "geopolitics.nuclearDialogue", "purchases.catchUpProvision"]]},
  "sensitivity-10k-x50": {"samples": 10000, "seed": 1, "bundles": [{"bundle": bundle()} for _ in range(50)]},
  "comparison-200": {"bundles": [{"bundle": bundle()} for _ in range(200)]},
  "counteroffers": {"limit": 10, "bundle": {"purchases": {"agricultureUsdBnPerYear": 8}, "tiktok": {"structure": "SPLIT_50_50"},
      "usConcessions": {"reciprocalTariffPct": 0, "fentanylTariffPct": 0, "exportControlLevel": 4, "cfiusPosture": "OPEN_NON_SENSITIVE"}}},
}
anac = "src/test/resources/genius/anac/y2011/Energy/"
read = lambda f: open(anac + f, encoding="utf-8").read()
with open(f"{out}/energy-domain.json", "w") as f:
    json.dump({"id": "energy", "name": "Energy (ANAC 2011)", "domainXml": read("energy_domain.xml"),
               "parties": [{"name": "consumer", "xml": read("energy_consumer.xml")},
                           {"name": "distributor", "xml": read("energy_distributor.xml")}]}, f)
bodies["search-energy"] = {"domain": "energy", "frontierLimit": 50}
bodies["simulation-1000"] = {"scenario": "GENEVA_2025", "strategies": {"us": {"kind": "TIT_FOR_TAT"}, "cn": {"kind": "TIT_FOR_TAT"}},
                             "deadline": 1000}
bodies["tournament-6x8"] = {"strategies": [{"kind": k} for k in ["BOULWARE", "LINEAR", "CONCEDER", "TIT_FOR_TAT", "RATIFICATION_AWARE"]]
                            + [{"name": "patient", "kind": "TIME_DEPENDENT", "exponent": 0.5}],
                            "scenarios": ["JUN_2019", "DEC_2019", "APR_2025", "GENEVA_2025", "AUG_2025", "NOV_2025", "BUSAN_2025",
                                          "POST_RULING_2026"], "deadline": 100}
for name, body in bodies.items():
    with open(f"{out}/{name}.json", "w") as f:
        json.dump(body, f)
PY

time_of() { # path, body file -> seconds
  curl -s -o "$out/last.json" -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' --data-binary @"$2" "$base/$1"
}
measure() { # label, path, body
  local times=() code t
  for _ in 1 2; do time_of "$2" "$3" >/dev/null; done # warm-up
  for _ in $(seq 1 "$reps"); do
    read -r code t < <(time_of "$2" "$3")
    [ "$code" = 200 ] || { echo "$1: HTTP $code: $(head -c 400 "$out/last.json")" >&2; exit 1; }
    times+=("$t")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$1" -v n="$reps" '{a[NR]=$1} END {printf "%-30s median %7.3f s   slowest %7.3f s   (%d runs)\n", label, a[int((n+1)/2)], a[n], n}'
}
code=$(curl -s -o "$out/last.json" -w '%{http_code}' -H "X-API-Key: $key" -H 'Content-Type: application/json' \
  --data-binary @"$out/energy-domain.json" "$base/domains")
[ "$code" = 201 ] || { echo "importing Energy: HTTP $code: $(head -c 400 "$out/last.json")" >&2; exit 1; }
echo "packaged service on loopback, $(nproc) cores, each request $reps times after 2 warm-ups"
measure "POST /searches 1,152,000" searches "$out/search-1.15M.json"
measure "POST /searches 9,216,000" searches "$out/search-9.2M.json"
measure "POST /searches Energy 390,625" searches "$out/search-energy.json"
measure "POST /sensitivity 10k x 50" sensitivity-analyses "$out/sensitivity-10k-x50.json"
# two tit-for-tat sides never move first: all 1,000 rounds are played
measure "POST /simulations 1,000 rounds" simulations "$out/simulation-1000.json"
measure "POST /tournaments 6 x 8" simulations/tournaments "$out/tournament-6x8.json"
measure "POST /comparisons 200" comparisons "$out/comparison-200.json"
measure "POST /counteroffers" counteroffers "$out/counteroffers.json"
curl -s -o /dev/null "$base/searches/chart" # warm-up
t=$(curl -s -o "$out/chart.svg" -w '%{time_total}' "$base/searches/chart")
printf '%-30s %7.3f s   (the default space as an SVG chart: %s bytes)\n' "GET /searches/chart" "$t" "$(wc -c <"$out/chart.svg")"
echo "RSS after the runs: $(( $(awk '/VmRSS/{print $2}' /proc/$pid/status) / 1024 )) MB"
