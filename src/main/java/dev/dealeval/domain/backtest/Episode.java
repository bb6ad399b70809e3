package dev.dealeval.domain.backtest;

import dev.dealeval.domain.model.Side;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A real episode of the record: the status quo it was decided against, the bundle as the record
 * describes it, and what each government did.
 *
 * @param scenario  id of the built-in scenario the episode was decided against
 * @param bundle    raw term values keyed by term id, as in a scenario
 * @param decisions what each government did; a side without a recorded decision is absent and not scored
 * @param record    what happened, in a sentence or two
 * @param encoding  the judgement calls of the encoding ("" when there were none)
 */
public record Episode(
        String id,
        String date,
        String title,
        Kind kind,
        String scenario,
        Map<String, Object> bundle,
        Map<Side, Decision> decisions,
        String record,
        String encoding,
        List<String> sources) {

    /** The term that holds the form a bundle's commitments took (rule 4 of backtest.yaml). */
    public static final String FORM = "commitment.form";

    /** The form of a proposal reported as prepared or passed through intermediaries and never tabled (rule 4). */
    public static final String FLOATED = "FLOATED_PROPOSAL";

    public Episode {
        bundle = Map.copyOf(bundle);
        decisions = decisions.isEmpty() ? Map.of() : new EnumMap<>(decisions);
        sources = List.copyOf(sources);
    }

    /** The episode read against {@code scenario} with {@code bundle} (a perturbation of its encoding). */
    public Episode reading(String scenario, Map<String, Object> bundle) {
        return new Episode(id, date, title, kind, scenario, bundle, decisions, record, encoding, sources);
    }

    /** The episode with {@code decisions} on record. */
    public Episode withDecisions(Map<Side, Decision> decisions) {
        return new Episode(id, date, title, kind, scenario, bundle, decisions, record, encoding, sources);
    }

    /** What kind of moment the episode was. */
    public enum Kind {
        /** A signed agreement or a framework both governments announced as settled. */
        SIGNED_DEAL,
        /** A truce: tariffs held or cut while talks go on. */
        TRUCE,
        /** A truce prolonged just before it would have lapsed. */
        EXTENSION,
        /** An offer or demand that the other side refused or ignored. */
        REFUSED_OFFER,
        /** A demand made under a new threat, refused. */
        ESCALATION
    }

    /** What a government did with the bundle. */
    public enum Decision {
        ACCEPTED,
        REJECTED
    }

    /**
     * 1 when both governments accepted, 0 when either rejected; null when only acceptances are on
     * record and a side's decision is missing, since then the outcome of the whole deal is unknown.
     */
    public Integer agreement() {
        if (decisions.containsValue(Decision.REJECTED)) {
            return 0;
        }
        return decisions.size() == Side.values().length ? 1 : null;
    }
}
