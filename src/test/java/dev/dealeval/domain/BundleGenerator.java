package dev.dealeval.domain;

import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.TermDef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Seeded random bundles over a model's terms: each term given with probability {@code density}. */
public final class BundleGenerator {
    private final DealModel model;
    private final Random random;
    private final double density;

    public BundleGenerator(DealModel model, long seed, double density) {
        this.model = model;
        this.random = new Random(seed);
        this.density = density;
    }

    public Map<String, Object> next() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (TermDef t : model.terms()) {
            if (random.nextDouble() < density) {
                out.put(t.id(), value(t));
            }
        }
        return out;
    }

    /** A random allowed raw value of the term: one of its levels half the time, else uniform in range. */
    public Object value(TermDef t) {
        switch (t.kind()) {
            case BOOLEAN:
                return random.nextBoolean();
            case ENUM:
                return t.values().get(random.nextInt(t.values().size()));
            case INTEGER:
                if (random.nextBoolean()) {
                    return (int)
                            Math.round(t.levels().get(random.nextInt(t.levels().size())));
                }
                return (int) (t.min() + random.nextInt((int) (t.max() - t.min()) + 1));
            default:
                if (random.nextBoolean()) {
                    return t.levels().get(random.nextInt(t.levels().size()));
                }
                return t.min() + random.nextDouble() * (t.max() - t.min());
        }
    }

    public Random random() {
        return random;
    }
}
