package dev.dealeval.adapter.modelfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dealeval.config.ModelLoader;
import dev.dealeval.domain.model.DealModel;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ParityTest {
    static String res(String name) throws Exception {
        try (InputStream in = ParityTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static InputStream s(String y) {
        return new ByteArrayInputStream(y.getBytes(StandardCharsets.UTF_8));
    }

    static String msg(Supplier<?> f) {
        try {
            Object o = f.get();
            return "OK " + o.toString().length();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Test
    void same() throws Exception {
        DealModel a = ModelLoader.load(s(res("model/deal-model.yaml")));
        DealModel b = ModelFileReader.read(s(res("model/deal-model.yaml")));
        assertEquals(a, b);
        assertEquals(a.toString(), b.toString());
        var ea = ModelLoader.loadEpisodes(s(res("model/backtest.yaml")), a);
        var eb = EpisodeFileReader.read(s(res("model/backtest.yaml")), b);
        assertEquals(ea, eb);
        assertEquals(ea.toString(), eb.toString());
        assertEquals(
                ModelLoader.load(s(ModelFixtures.SMALL_YAML)).toString(),
                ModelFileReader.read(s(ModelFixtures.SMALL_YAML)).toString());
    }

    @Test
    void messages() throws Exception {
        String m = res("model/deal-model.yaml");
        String bt = res("model/backtest.yaml");
        String[][] cases = {
            {"weight: 0.18", "weight: -0.18"},
            {"weight: 0.18", "weight: \"0.18\""},
            {"weight: 0.18", "weight: lots"},
            {"weight: 0.18", "weight: .inf"},
            {"weight: 0.18", "weight: [1]"},
            {"weight: 0.18", "weight: ~"},
            {"weight: 0.18", "weight: {a: 1}"},
            {"range: [0, 60]", "range: [60, 0]"},
            {"range: [0, 60]", "range: 5"},
            {"range: [0, 60]", "range: [a, 60]"},
            {"range: [0, 60]", "rang: [0, 60]"},
            {"neutral: NONE", "neutral: SOME"},
            {"clout: 0.40", "clout: 0.50"},
            {"clout: 0.40", "clout: yes"},
            {"vetoScope: [tiktok.*, investment.technologyLicensing]", "vetoScope: [tiktok.*, investment.nope]"},
            {"vetoScope: [tiktok.*, investment.technologyLicensing]", "vetoScope: [tiktok.*, 5]"},
            {"vetoScope: [tiktok.*, investment.technologyLicensing]", "vetoScope: tiktok"},
            {"vetoScope: [tiktok.*, investment.technologyLicensing]", "vetoScope: [tiktok.*, NO]"},
            {
                "{term: fentanyl.level, levels: {NONE: 0.0, STATEMENT: 0.15",
                "{term: fentanyl.level, levels: {NONE: 0.0, STATEMNT: 0.15"
            },
            {
                "{term: fentanyl.level, levels: {NONE: 0.0, STATEMENT: 0.15",
                "{term: fentanyl.level, levels: {NONE: x, STATEMENT: 0.15"
            },
            {
                "{term: fentanyl.level, levels: {NONE: 0.0, STATEMENT: 0.15",
                "{term: fentanyl.level, lvels: {NONE: 0.0, STATEMENT: 0.15"
            },
            {"multipliers: {exportGains: 1.5", "multipliers: {exportGainz: 1.5"},
            {"multipliers: {exportGains: 1.5", "multipliers: {exportGains: x"},
            {"baselineUsdBn: 186", "baselineUsdBn: -186"},
            {"baselineUsdBn: 186", "baselineUsdBn: x"},
            {"baselineUsdBn: 186", ""},
            {"    side: US\n    weight: 0.18", "    side: XX\n    weight: 0.18"},
            {"    side: US\n    weight: 0.18", "    weight: 0.18"},
            {"  stanceMargin: 1.0", "  stanceMargin: 1.0\n  extra: 1"},
            {"  stanceMargin: 1.0", ""},
            {"quorum: {US: 0.5, CN: 0.5}", "quorum: {US: 0.5, CN: 0.5, XX: 1}"},
            {"quorum: {US: 0.5, CN: 0.5}", "quorum: {US: 0.5}"},
            {"quorum: {US: 0.5, CN: 0.5}", "quorum: 5"},
            {"  relativeStanceMargin: 0.1", "  relativeStanceMargin: 1.5"},
            {"gate: {term: pledges, per: 50}", "gate: {term: pledges, per: 0}"},
            {"gate: {term: pledges, per: 50}", "gate: {term: pledges}"},
            {"gate: {term: pledges, per: 50}", "gate: {term: pledges, per: 50, x: 1}"},
            {"  - id: tiktok\n    description: TikTok", "  - id: tikTok\n    description: TikTok"},
            {"  - id: tiktok\n    description: TikTok", "  - id: tiktok\n    descr: TikTok"},
            {"  - id: tiktok\n    description: TikTok", "  - description: TikTok"},
            {"version: \"2026.12-1\"", ""},
            {"version: \"2026.12-1\"", "version: 2026.12"},
            {"version: \"2026.12-1\"", "version: [1]"},
            {"version: \"2026.12-1\"", "version: \"2026.12-1\"\nfoo: 1"},
            {"    search: true", "    search: 1"},
            {"    search: true", "    search: \"true\""},
            {"    kind: NUMBER", "    kind: NUMBR"},
            {"    kind: NUMBER", "    kind: 3"},
            {"    pledge: agriculture", "    pledge: [agriculture]"},
            {
                "alternativeOf: {term: purchases.agricultureUsdBnPerYear, factor: 0.4}",
                "alternativeOf: {term: purchases.agricultureUsdBnPerYear}"
            },
            {
                "alternativeOf: {term: purchases.agricultureUsdBnPerYear, factor: 0.4}",
                "alternativeOf: {term: purchases.agricultureUsdBnPerYear, factor: 0.4, y: 1}"
            },
            {"alternativeOf: {term: purchases.agricultureUsdBnPerYear, factor: 0.4}", "alternativeOf: 5"},
            {"levels: [0, 8, 16, 24, 32]", "levels: 5"},
            {"levels: [0, 8, 16, 24, 32]", "levels: [0, x]"},
            {
                "purchaseCategories: [agriculture, energy, manufactured, services]",
                "purchaseCategories: [agriculture, 5, manufactured, services]"
            },
            {"purchaseCategories: [agriculture, energy, manufactured, services]", ""},
            {"terms:", "terms: 5\nxterms:"},
            {"profiles:", "profiles: []\nxprofiles:"},
        };
        StringBuilder out = new StringBuilder();
        for (String[] c : cases) {
            if (!m.contains(c[0])) {
                out.append("MISSING FIXTURE " + c[0] + "\n");
                continue;
            }
            String y =
                    m.replaceFirst(java.util.regex.Pattern.quote(c[0]), java.util.regex.Matcher.quoteReplacement(c[1]));
            String a = msg(() -> ModelLoader.load(s(y)));
            String b = msg(() -> ModelFileReader.read(s(y)));
            out.append(a.equals(b) ? "SAME " : "DIFF ")
                    .append(c[1].replace("\n", "\\n"))
                    .append("\n   old: ")
                    .append(a)
                    .append("\n   new: ")
                    .append(b)
                    .append("\n");
        }
        DealModel model = ModelLoader.load(s(m));
        String[][] ecases = {
            {"    scenario: JUN_2018", "    scenario: NOPE"},
            {"    scenario: JUN_2018", ""},
            {"      purchases.years: 1\n", "      purchases.yrs: 1\n"},
            {"      purchases.years: 1\n", "      purchases.years: 99\n"},
            {"    decisions: {US: REJECTED, CN: ACCEPTED}", "    decisions: {US: REJECTD, CN: ACCEPTED}"},
            {"    decisions: {US: REJECTED, CN: ACCEPTED}", "    decisions: {XX: REJECTED}"},
            {"    decisions: {US: REJECTED, CN: ACCEPTED}", "    decisions: {}"},
            {"    kind: REFUSED_OFFER", "    kind: OFFER"},
            {"    kind: REFUSED_OFFER", "    kind: REFUSED_OFFER\n    x: 1"},
            {"    date: \"2018-06-03\"", ""},
            {"  - id: buenos-aires-truce-2018", "  - id: purchase-offer-2018"},
            {"    sources: [\"Wall", "    sources: [5, \"Wall"},
            {"  - id: may-2019-drafts", "  - id: may-2019-drafts\n    extra: 1"},
            {"    reason: Decided", "    why: Decided"},
            {"episodes:", "episode:"},
        };
        for (String[] c : ecases) {
            if (!bt.contains(c[0])) {
                out.append("MISSING FIXTURE " + c[0] + "\n");
                continue;
            }
            String y = bt.replaceFirst(
                    java.util.regex.Pattern.quote(c[0]), java.util.regex.Matcher.quoteReplacement(c[1]));
            String a = msg(() -> ModelLoader.loadEpisodes(s(y), model));
            String b = msg(() -> EpisodeFileReader.read(s(y), model));
            out.append(a.equals(b) ? "SAME " : "DIFF ")
                    .append(c[1].replace("\n", "\\n"))
                    .append("\n   old: ")
                    .append(a)
                    .append("\n   new: ")
                    .append(b)
                    .append("\n");
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/parity-loader.txt"), out);
    }
}
