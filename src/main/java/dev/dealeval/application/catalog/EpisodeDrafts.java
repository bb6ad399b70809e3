package dev.dealeval.application.catalog;

import dev.dealeval.domain.backtest.Episode;
import dev.dealeval.domain.engine.BundleReader;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.DealModel;
import dev.dealeval.domain.model.Side;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The rules an episode of a stored set obeys, the same as the episodes file's
 * (src/main/java/dev/dealeval/adapter/modelfile/EpisodeFileReader.java): an id unique in the set, an
 * ISO date, a title, a kind, a scenario that exists (built in or stored), a bundle the model reads,
 * at least one government's decision, what happened and at least one source. Every problem is a
 * violation naming the field ({@code episodes[3].bundle.purchases.years}).
 */
final class EpisodeDrafts {
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private EpisodeDrafts() {}

    /** The episodes the drafts describe, or (episodes empty) what is wrong with them. */
    record Read(List<Episode> episodes, List<Violation> violations) {}

    static Read read(DealModel model, Predicate<String> scenarioExists, List<EpisodeSetService.EpisodeDraft> drafts) {
        List<Violation> violations = new ArrayList<>();
        List<Episode> episodes = new ArrayList<>();
        if (drafts == null || drafts.isEmpty()) {
            violations.add(new Violation("episodes", "must hold at least one episode"));
        } else if (drafts.size() > EpisodeSetService.MAX_EPISODES) {
            violations.add(
                    new Violation("episodes", "must hold at most " + EpisodeSetService.MAX_EPISODES + " episodes"));
        } else {
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < drafts.size(); i++) {
                String at = "episodes[" + i + "]";
                EpisodeSetService.EpisodeDraft d = drafts.get(i);
                if (d == null) {
                    violations.add(new Violation(at, "must not be null"));
                    continue;
                }
                int before = violations.size();
                check(d, at, model, scenarioExists, violations);
                Integer first = d.id() == null ? null : ids.putIfAbsent(d.id(), i);
                if (first != null) {
                    violations.add(new Violation(
                            at + ".id", "duplicate episode id '" + d.id() + "' (also episodes[" + first + "])"));
                }
                if (violations.size() == before) {
                    episodes.add(episode(d));
                }
            }
        }
        return violations.isEmpty() ? new Read(List.copyOf(episodes), List.of()) : new Read(List.of(), violations);
    }

    private static void check(
            EpisodeSetService.EpisodeDraft d,
            String at,
            DealModel model,
            Predicate<String> scenarioExists,
            List<Violation> violations) {
        required(d.id(), at + ".id", violations);
        required(d.title(), at + ".title", violations);
        required(d.record(), at + ".record", violations);
        if (d.kind() == null) {
            violations.add(new Violation(at + ".kind", "is required"));
        }
        if (required(d.date(), at + ".date", violations) && !isoDate(d.date())) {
            violations.add(new Violation(at + ".date", "must be a date yyyy-mm-dd (was '" + d.date() + "')"));
        }
        if (required(d.scenario(), at + ".scenario", violations) && !scenarioExists.test(d.scenario())) {
            violations.add(new Violation(
                    at + ".scenario",
                    "unknown scenario '" + d.scenario() + "'; built in or stored (GET /api/v1/scenarios lists them)"));
        }
        if (d.bundle() == null) {
            violations.add(new Violation(at + ".bundle", "is required (use {} for no deal)"));
        } else {
            violations.addAll(
                    BundleReader.read(model, d.bundle(), at + ".bundle").violations());
        }
        if (d.decisions() == null || d.decisions().values().stream().allMatch(java.util.Objects::isNull)) {
            violations.add(new Violation(
                    at + ".decisions", "must record what at least one government did (US, CN: ACCEPTED or REJECTED)"));
        }
        if (d.sources() == null || d.sources().isEmpty()) {
            violations.add(new Violation(at + ".sources", "must name at least one source"));
        } else {
            for (int k = 0; k < d.sources().size(); k++) {
                required(d.sources().get(k), at + ".sources[" + k + "]", violations);
            }
        }
    }

    /** False, with a violation, when the text is missing or blank. */
    private static boolean required(String text, String field, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return false;
        }
        return true;
    }

    private static boolean isoDate(String text) {
        if (!DATE.matcher(text).matches()) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Episode episode(EpisodeSetService.EpisodeDraft d) {
        Map<String, Object> bundle = new LinkedHashMap<>();
        d.bundle().forEach((term, value) -> {
            if (value != null) {
                bundle.put(term, value);
            }
        });
        Map<Side, Episode.Decision> decisions = new EnumMap<>(Side.class);
        d.decisions().forEach((side, decision) -> {
            if (side != null && decision != null) {
                decisions.put(side, decision);
            }
        });
        return new Episode(
                d.id(),
                d.date(),
                d.title(),
                d.kind(),
                d.scenario(),
                bundle,
                decisions,
                d.record(),
                d.encoding() == null ? "" : d.encoding(),
                d.sources());
    }
}
