package dev.dealeval.adapter.modelfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.ModelException;
import dev.dealeval.domain.model.Numbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model file reader: the built-in model whole, and a broken file stopped with a message naming the entry. */
class ModelFileReaderTest {

    @Test
    void theDefaultModelHasEveryPartOfTheDomain() {
        DealModel model = ModelFixtures.defaultModel();
        assertEquals(ModelFixtures.termsInModelFile(), model.terms().size());
        assertEquals(11, model.criteria(dev.dealeval.domain.model.Side.US).size());
        assertEquals(7, model.criteria(dev.dealeval.domain.model.Side.CN).size());
        // The eight no-deal scenarios of docs/model.md "No-deal scenarios" and the status quos the backtest's
        // episodes need (2017-2026), in date order.
        assertEquals(
                java.util.List.of(
                        "MAY_2017",
                        "APR_2018",
                        "MAY_2018",
                        "MID_MAY_2018",
                        "JUN_2018",
                        "SEP_2018",
                        "DEC_2018",
                        "DEC_2018_TRUCE",
                        "FEB_2019",
                        "FEB_2019_EXTENDED",
                        "MAY_2019",
                        "JUN_2019",
                        "JUL_2019",
                        "SEP_2019",
                        "OCT_2019",
                        "OCT_2019_UNDERSTANDING",
                        "DEC_2019",
                        "JAN_2020_SIGNED",
                        "FEB_2020",
                        "AUG_2020",
                        "OCT_2021",
                        "FEB_2022",
                        "NOV_2022",
                        "MAR_2023",
                        "APR_2024",
                        "PRE_2025",
                        "FENTANYL_TARIFF_2025",
                        "FEB_2025",
                        "DOUBLING_2025",
                        "MAR_2025",
                        "ULTIMATUM_2025",
                        "APR_2025",
                        "GENEVA_2025",
                        "STOCKHOLM_2025",
                        "AUG_2025",
                        "AUG_2025_EXTENDED",
                        "SEP_2025",
                        "OCT_2025",
                        "NOV_2025",
                        "BUSAN_2025",
                        "POST_RULING_2026",
                        "MAY_2026",
                        "BEIJING_2026"),
                model.scenarios().stream().map(s -> s.id()).toList());
        var dates = model.scenarios().stream().map(s -> s.date()).toList();
        assertEquals(dates.stream().sorted().toList(), dates);
        var profile = model.profile("default").orElseThrow();
        assertEquals(11, profile.factions().size());
        assertEquals(
                1.0,
                profile.weights().get(dev.dealeval.domain.model.Side.US).values().stream()
                        .mapToDouble(d -> d)
                        .sum(),
                Numbers.TOLERANCE);
        assertEquals(
                1.0,
                profile.weights().get(dev.dealeval.domain.model.Side.CN).values().stream()
                        .mapToDouble(d -> d)
                        .sum(),
                Numbers.TOLERANCE);
        assertEquals(
                0.16, profile.weights().get(dev.dealeval.domain.model.Side.US).get("exportGains"), 0);
        assertEquals(
                0.25, profile.weights().get(dev.dealeval.domain.model.Side.CN).get("tariffRelief"), 0);
        // The default search subset: ten terms whose levels multiply to 1,152,000 bundles (docs/model.md "Terms and
        // bundles").
        long space = 1;
        int searched = 0;
        for (var t : model.terms()) {
            if (t.searchDefault()) {
                space *= t.levels().size();
                searched++;
            }
        }
        assertEquals(10, searched);
        assertEquals(1_152_000L, space);
        assertTrue(model.profiles().size() >= 3);
    }

    /** Each mutation of the default file must stop loading with a message naming the entry. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "weight: 0.16|weight: -0.18|criteria[0] (exportGains).weight",
                "range: [0, 60]|range: [60, 0]|terms[0] (purchases.agricultureUsdBnPerYear).range",
                "neutral: NONE|neutral: SOME|terms[13] (fentanyl.level).neutral",
                "clout: 0.40|clout: 0.50|profiles[0] (default).factions",
                "vetoScope: [tiktok.*, investment.technologyLicensing]|vetoScope: [tiktok.*, investment.nope]|profiles[0] (default).factions.securityOrgans.vetoScope",
                "      usConcessions.exportControlLevel: 1\\n      usConcessions.portFeesSuspended: true\\n      chinaMeasures.tariffPct: 0\\n|      usConcessions.portFeesSuspended: true\\n      chinaMeasures.tariffPct: 0\\n|scenarios[22] (NOV_2022).values",
                "{term: fentanyl.level, levels: {NONE: 0.0, STATEMENT: 0.15|{term: fentanyl.level, levels: {NONE: 0.0, STATEMNT: 0.15|criteria[2] (fentanyl).components[0] (fentanyl.level).levels.STATEMNT",
                "multipliers: {exportGains: 1.5|multipliers: {exportGainz: 1.5|profiles[0] (default).factions.president.multipliers.exportGainz",
                "baselineUsdBn: 186|baselineUsdBn: -186|profiles[0] (default).credibility",
                "    side: US\\n    weight: 0.16|    side: XX\\n    weight: 0.16|criteria[0] (exportGains).side",
                "  stanceMargin: 1.0|  stanceMargin: 1.0\\n  extra: 1|settings.extra",
                "  relativeStanceMargin: 0.1|  relativeStanceMargin: 1.5|profiles[0] (default).settings",
                "gate: {term: pledges, per: 50}|gate: {term: pledges, per: 0}|criteria[3] (enforcement).components",
                // The bundle's sections: every term's section declared, every declared section used.
                "  - id: tiktok\\n    description: TikTok|  - id: tikTok\\n    description: TikTok|terms[14] (tiktok.structure).id",
                "  - id: tiktok\\n|  - id: bytedance\\n    description: unused.\\n  - id: tiktok\\n|sections[4] (bytedance).id",
                "  - id: tiktok\\n|  - id: tik-tok\\n    description: a bad name.\\n  - id: tiktok\\n|sections[4] (tik-tok).id",
                "  - id: process\\n|  - id: tiktok\\n    description: twice.\\n  - id: process\\n|sections[9] (tiktok).id",
                // A fresh measure names a term the scenario sets, with the different value it had before.
                "usConcessions.fentanylTariffPct: 0\\n    sources:|usConcessions.fentanylTarifPct: 0\\n    sources:|scenarios[26] (FENTANYL_TARIFF_2025).freshMeasures.usConcessions.fentanylTarifPct",
                "usConcessions.fentanylTariffPct: 0\\n    sources:|usConcessions.section301ReliefShare: 0\\n    sources:|scenarios[26] (FENTANYL_TARIFF_2025).freshMeasures.usConcessions.section301ReliefShare",
                "usConcessions.fentanylTariffPct: 0\\n    sources:|usConcessions.fentanylTariffPct: 10\\n    sources:|scenarios[26] (FENTANYL_TARIFF_2025).freshMeasures.usConcessions.fentanylTariffPct",
                "usConcessions.fentanylTariffPct: 0\\n    sources:|usConcessions.fentanylTariffPct: 30\\n    sources:|scenarios[26] (FENTANYL_TARIFF_2025).freshMeasures.usConcessions.fentanylTariffPct",
                "usConcessions.fentanylTariffPct: 0\\n    sources:|chinaMeasures.tariffPct: 5\\n    sources:|scenarios[26] (FENTANYL_TARIFF_2025).freshMeasures.chinaMeasures.tariffPct",
                // The enforcing measures: numeric terms, non-zero coefficients, never below 0.
                "    usConcessions.section301ReliefShare: -16.3\\n|    usConcessions.section301Relief: -16.3\\n|enforcement.measures.usConcessions.section301Relief",
                "    usConcessions.section301ReliefShare: -16.3\\n|    commitment.form: 1\\n|enforcement.measures.commitment.form",
                "    usConcessions.section301ReliefShare: -16.3\\n|    usConcessions.section301ReliefShare: 0\\n|enforcement.measures.usConcessions.section301ReliefShare",
                "    usConcessions.section301ReliefShare: -16.3\\n|    usConcessions.section301ReliefShare: -20\\n|enforcement",
            })
    void aBrokenFileNamesTheBadEntry(String from, String to, String entry) {
        String broken = ModelFixtures.edited(ModelFileReader.BUILT_IN, from, to);
        ModelException e = assertThrows(ModelException.class, () -> ModelFixtures.fromYaml(broken));
        assertTrue(e.getMessage().startsWith(entry), "expected entry " + entry + " but got: " + e.getMessage());
    }

    /** A value of the wrong type, a key the file does not have or a missing one: the message names the key and what it must be. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "weight: 0.16|weight: lots|criteria[0] (exportGains).weight: must be a finite number",
                "weight: 0.16|weight: \"0.18\"|criteria[0] (exportGains).weight: must be a finite number",
                "weight: 0.16|weight: ~|criteria[0] (exportGains).weight: is required",
                "range: [0, 60]|range: [a, 60]|terms[0] (purchases.agricultureUsdBnPerYear).range: must be [min, max]",
                "    search: true|    search: 1|terms[0] (purchases.agricultureUsdBnPerYear).search: must be true or false",
                "    kind: NUMBER|    kind: NUMBR|terms[0] (purchases.agricultureUsdBnPerYear).kind: must be one of [NUMBER, INTEGER, BOOLEAN, ENUM]",
                "    pledge: agriculture|    pledge: [agriculture]|terms[0] (purchases.agricultureUsdBnPerYear).pledge: must be text",
                "levels: [0, 8, 16, 24, 32]|levels: 5|terms[0] (purchases.agricultureUsdBnPerYear).levels: must be a list",
                "alternativeOf: {term: purchases.agricultureUsdBnPerYear, factor: 0.4}|alternativeOf: {term: purchases.agricultureUsdBnPerYear}|terms[1] (purchases.soybeansMmtPerYear).alternativeOf.factor: is required",
                "alternativeOf: {term: purchases.agricultureUsdBnPerYear, factor: 0.4}|alternativeOf: 5|terms[1] (purchases.soybeansMmtPerYear).alternativeOf: must be a mapping",
                "vetoScope: [tiktok.*, investment.technologyLicensing]|vetoScope: [tiktok.*, NO]|factions[8] (securityOrgans).vetoScope[1]: must be text",
                "{term: fentanyl.level, levels: {NONE: 0.0, STATEMENT: 0.15|{term: fentanyl.level, lvels: {NONE: 0.0, STATEMENT: 0.15|criteria[2] (fentanyl).components[0] (fentanyl.level).lvels: unknown key; allowed: gate, levels, linear, points, term",
                "threshold: {US: 0.0, CN: 0.0}|threshold: {US: 0.0, CN: 0.0, XX: 1}|settings.threshold.XX: unknown key; allowed: CN, US",
                "threshold: {US: 0.0, CN: 0.0}|threshold: {US: 0.0}|settings.threshold.CN: is required",
                "  - id: tiktok\\n    description: TikTok|  - description: TikTok|sections[4].id: is required",
                "purchaseCategories: [agriculture, energy, manufactured, services]||credibility.purchaseCategories: is required",
                "version: \"2026.12-1\"|version: [1]|version: must be text",
                "enforcement:\\n  base: 16.3\\n|enforcement:\\n|enforcement.base: is required",
            })
    void aWrongValueNamesTheKeyAndWhatItMustBe(String from, String to, String message) {
        String broken = ModelFixtures.edited(ModelFileReader.BUILT_IN, from, to);
        ModelException e = assertThrows(ModelException.class, () -> ModelFixtures.fromYaml(broken));
        assertEquals(message, e.getMessage());
    }

    @Test
    void invalidYamlIsReported() {
        ModelException e = assertThrows(ModelException.class, () -> ModelFixtures.fromYaml("terms: [unclosed"));
        assertTrue(e.getMessage().startsWith("model file: is not valid YAML"), e.getMessage());
    }
}
