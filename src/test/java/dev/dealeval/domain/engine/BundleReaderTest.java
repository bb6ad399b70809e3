package dev.dealeval.domain.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealeval.adapter.modelfile.ModelFixtures;
import dev.dealeval.domain.model.DealModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a bundle's terms against the model: every problem named by its JSON path, the rest read. */
class BundleReaderTest {
    private static final DealModel SMALL = ModelFixtures.fromYaml(ModelFixtures.SMALL_YAML);

    private static BundleReader.Result read(Map<String, Object> terms) {
        return BundleReader.read(SMALL, terms, "bundle");
    }

    @Test
    void readsKnownTermsAndLeavesOmittedOnesUngiven() {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("offer.goods", 5);
        terms.put("commitment.form", "FLOATED_PROPOSAL");
        terms.put("us.tariff", null);
        BundleReader.Result r = read(terms);
        assertTrue(r.valid(), r.violations().toString());
        int goods = SMALL.termIndex("offer.goods");
        assertEquals(5.0, r.bundle().values()[goods]);
        assertTrue(r.bundle().given()[goods]);
        assertEquals(1.0, r.bundle().values()[SMALL.termIndex("commitment.form")]);
        assertTrue(!r.bundle().given()[SMALL.termIndex("us.tariff")]);
    }

    @Test
    void anEmptySectionIsNoTermsAndAnUnknownOneIsNamedOnce() {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("offer", null);
        terms.put("space.rockets", 3);
        terms.put("space.moons", 1);
        terms.put("offer.caviar", 1);
        BundleReader.Result r = read(terms);
        assertEquals(
                List.of(
                        new Violation("bundle.offer.caviar", "unknown term; allowed here: goods"),
                        new Violation("bundle.space", "unknown section; allowed here: commitment, offer, us")),
                r.violations());
    }

    @Test
    void wrongKindsSayWhatTheyWere() {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("offer.goods", "5");
        terms.put("commitment.form", 2);
        terms.put("us.tariff", 150);
        BundleReader.Result r = read(terms);
        assertEquals(
                List.of(
                        new Violation("bundle.commitment.form", "must be a string (was 2)"),
                        new Violation("bundle.offer.goods", "must be a number (was \"5\")"),
                        new Violation("bundle.us.tariff", "must be between 0 and 100 (percent)")),
                r.violations());
    }
}
