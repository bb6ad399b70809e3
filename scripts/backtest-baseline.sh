#!/usr/bin/env bash
# The baseline of the backtest: the model as it stood before the backtest existed (commit 75302e4)
# run on the current episode set (src/main/resources/model/backtest.yaml), so that the old and the
# new model can be compared on the same episodes (hit rate and Brier score of the agreement
# probability). The old engine and model file are used unchanged except that the historical
# scenarios the episodes are decided against - the ones this checkout's deal-model.yaml has and the
# old one lacks - are copied in verbatim (they are plain data, valid for the old loader). Runs
# offline in a temporary git worktree, removed on exit; nothing in this checkout is changed.
#   scripts/backtest-baseline.sh
# Prints one EPISODE line per episode and a summary line:
#   BASELINE episodes=21 agreeing=N hitRate=0.xxx brierScore=0.xxxx sideHitRate=0.xxx
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
base_commit=75302e4
model=src/main/resources/model/deal-model.yaml
episodes=src/main/resources/model/backtest.yaml
test_class=BacktestBaselineTest

tmp=$(mktemp -d "${TMPDIR:-/tmp}/backtest-baseline.XXXXXX")
wt="$tmp/worktree"
cleanup() {
  git -C "$repo" worktree remove --force "$wt" >/dev/null 2>&1 || true
  rm -rf "$tmp"
  git -C "$repo" worktree prune
}
trap cleanup EXIT

git worktree add --quiet --detach "$wt" "$base_commit"

# The scenarios of this checkout's model that the old one lacks, inserted verbatim where they stand
# in the current file (before the next scenario both files have; the rest at the end of the list).
python3 - "$repo/$model" "$wt/$model" <<'PY'
import re
import sys

new_path, old_path = sys.argv[1], sys.argv[2]
ID = re.compile(r"^  - id: *(\S+)\s*$")

def scenario_blocks(lines):
    """(ordered ids, {id: block lines}, index of the line after the section) of the scenarios: section."""
    start = lines.index("scenarios:\n")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("profiles:"))
    order, blocks, current = [], {}, None
    for line in lines[start + 1:end]:
        m = ID.match(line)
        if m:
            current = m.group(1)
            order.append(current)
            blocks[current] = []
        if current is not None:
            blocks[current].append(line)
    for block in blocks.values():  # trailing blank lines and comments belong to what follows
        while block and (not block[-1].strip() or block[-1].lstrip().startswith("#")):
            block.pop()
    return order, blocks, end

with open(new_path, encoding="utf-8") as f:
    new_lines = f.readlines()
with open(old_path, encoding="utf-8") as f:
    old_lines = f.readlines()
new_order, new_blocks, _ = scenario_blocks(new_lines)
old_order, _, old_end = scenario_blocks(old_lines)
added = [s for s in new_order if s not in old_order]
if not added:
    sys.exit("no new scenarios found in " + new_path)

def id_line(ident):
    return next(i for i, line in enumerate(old_lines) if ID.match(line) and ID.match(line).group(1) == ident)

inserts = {}  # line index in the old file -> blocks to insert before it
end_of_list = old_end
while end_of_list > 0 and not old_lines[end_of_list - 1].strip():
    end_of_list -= 1
for k, s in enumerate(new_order):
    if s in added:
        anchor = next((t for t in new_order[k + 1:] if t in old_order), None)
        at = id_line(anchor) if anchor else end_of_list
        inserts.setdefault(at, []).extend(new_blocks[s])
out = []
for i, line in enumerate(old_lines + [""]):
    out.extend(inserts.get(i, []))
    out.append(line)
with open(old_path, "w", encoding="utf-8") as f:
    f.write("".join(out))
print("scenarios added to the old model: " + " ".join(added))
PY

cp "$repo/$episodes" "$wt/$episodes"

mkdir -p "$wt/src/test/java/dev/dealeval/baseline"
cat >"$wt/src/test/java/dev/dealeval/baseline/$test_class.java" <<'JAVA'
package dev.dealeval.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dealeval.config.ModelLoader;
import dev.dealeval.domain.engine.BundleReader;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Evaluator;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Side;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Written by scripts/backtest-baseline.sh into a worktree of the pre-backtest commit: runs the
 * current episode set through the old engine and model (profile "default"), self-contained.
 */
class BacktestBaselineTest {

    @Test
    void baseline() throws Exception {
        DealModel model;
        try (InputStream in = resource("model/deal-model.yaml")) {
            model = ModelLoader.load(in);
        }
        CompiledModel m = CompiledModel.compile(model, model.profile("default").orElseThrow());
        JsonNode root;
        try (InputStream in = resource("model/backtest.yaml")) {
            root = new YAMLMapper().readTree(in);
        }

        List<String> out = new ArrayList<>();
        int episodes = 0;
        int agreeing = 0;
        int sideDecisions = 0;
        int sideAgreeing = 0;
        int scored = 0;
        double brier = 0;
        for (JsonNode e : root.get("episodes")) {
            String id = e.get("id").asText();
            String scenario = e.get("scenario").asText();
            int s = m.scenarioIndex(scenario);
            if (s < 0) {
                throw new AssertionError("episode " + id + ": unknown scenario " + scenario);
            }
            Map<String, Object> raw = new LinkedHashMap<>();
            e.get("bundle").fields().forEachRemaining(f -> raw.put(f.getKey(), raw(f.getValue())));
            BundleReader.Result bundle = BundleReader.read(model, raw, "bundle");
            if (!bundle.valid()) {
                throw new AssertionError("episode " + id + ": " + bundle.violations());
            }
            Evaluation ev = Evaluator.evaluate(m, bundle.bundle(), s, List.of());

            Map<Side, String> decisions = new EnumMap<>(Side.class);
            e.get("decisions").fields().forEachRemaining(f -> decisions.put(Side.valueOf(f.getKey()), f.getValue().asText()));
            if (decisions.isEmpty()) {
                throw new AssertionError("episode " + id + ": no decision recorded");
            }
            boolean agrees = true;
            for (Map.Entry<Side, String> d : decisions.entrySet()) {
                boolean accepted = switch (d.getValue()) {
                    case "ACCEPTED" -> true;
                    case "REJECTED" -> false;
                    default -> throw new AssertionError("episode " + id + ": decision " + d.getValue());
                };
                boolean match = ev.side(d.getKey()).ratified() == accepted;
                sideDecisions++;
                sideAgreeing += match ? 1 : 0;
                agrees &= match;
            }
            episodes++;
            agreeing += agrees ? 1 : 0;
            double p = ev.joint().agreementProbability();
            Integer o = decisions.containsValue("REJECTED") ? Integer.valueOf(0)
                    : decisions.size() == Side.values().length ? Integer.valueOf(1) : null;
            if (o != null) {
                scored++;
                brier += (p - o) * (p - o);
            }
            out.add(String.format(Locale.ROOT, "EPISODE %-32s scenario=%-11s verdict=%-16s US=%s CN=%s pAgreement=%.3f outcome=%s matches=%s",
                    id, scenario, ev.joint().verdict(), side(ev, Side.US, decisions), side(ev, Side.CN, decisions), p,
                    o == null ? "-" : o.toString(), agrees));
        }
        if (episodes == 0) {
            throw new AssertionError("no episodes");
        }
        out.add(String.format(Locale.ROOT, "BASELINE episodes=%d agreeing=%d hitRate=%.3f brierScore=%.4f sideHitRate=%.3f",
                episodes, agreeing, (double) agreeing / episodes, scored == 0 ? Double.NaN : brier / scored,
                (double) sideAgreeing / sideDecisions));
        out.forEach(System.out::println);
        Files.write(Path.of("target", "backtest-baseline.txt"), out, StandardCharsets.UTF_8);
    }

    /** "ratified=true/ACCEPTED": the model's ratification of the side and the recorded decision ("-" when none). */
    private static String side(Evaluation ev, Side side, Map<Side, String> decisions) {
        return String.format(Locale.ROOT, "%-5s/%-8s", ev.side(side).ratified(), decisions.getOrDefault(side, "-"));
    }

    /** As the model loader reads scenario values: numbers as doubles, booleans, text. */
    private static Object raw(JsonNode v) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        return v.toString();
    }

    private static InputStream resource(String name) {
        InputStream in = BacktestBaselineTest.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new AssertionError("missing resource " + name);
        }
        return in;
    }
}
JAVA

log="$tmp/mvn.log"
if ! (cd "$wt" && ./mvnw -q -o test -Dtest="$test_class" -Dsurefire.failIfNoSpecifiedTests=false) >"$log" 2>&1; then
  cat "$log"
  cat "$wt"/target/surefire-reports/*"$test_class"*.txt 2>/dev/null || true
  echo "backtest-baseline: the baseline run failed" >&2
  exit 1
fi
result="$wt/target/backtest-baseline.txt"
[ -s "$result" ] || { cat "$log"; echo "backtest-baseline: no result written" >&2; exit 1; }
echo "old model ($base_commit), profile default, on $(git rev-parse --short HEAD)'s $episodes:"
cat "$result"
