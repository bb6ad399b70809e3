package dev.dealeval.domain.model;

import java.util.List;
import java.util.Optional;

/**
 * The deal model: term catalogue, criteria, no-deal scenarios and the profiles built in with it.
 * Immutable; checked by {@link ModelValidator} before use.
 *
 * @param coercion     the coercion rule, or null for a model without one (docs/model.md "Coercion")
 * @param enforcement  what enforces the pledges the believing side receives, or null for a model
 *                     where nothing does (docs/model.md "Credibility")
 * @param fittingPrior the decision settings the fitting procedure starts from and shrinks toward
 *                     (docs/fitting.md), or null: the fitted profile's own
 * @param utilityScale a side's utility is this times the weighted sum of its 0–1 criterion values:
 *                     100 (utility points) for the U.S.–China model, 1 for an imported negotiation
 *                     domain, so its utilities are GENIUS's
 */
public record DealModel(
        String version,
        List<TermDef> terms,
        List<CriterionDef> criteria,
        List<Scenario> scenarios,
        List<Profile> profiles,
        double utilityScale,
        List<SectionDef> sections,
        Coercion coercion,
        EnforcingMeasures enforcement,
        Settings fittingPrior) {

    /** Utility points: the U.S.–China model's scale. */
    public static final double POINTS = 100;

    public DealModel {
        terms = List.copyOf(terms);
        criteria = List.copyOf(criteria);
        scenarios = List.copyOf(scenarios);
        profiles = List.copyOf(profiles);
        sections = sections == null ? sectionsOf(terms) : List.copyOf(sections);
    }

    /** A model whose sections are those its term ids name, in order of their first term, undescribed. */
    public DealModel(
            String version,
            List<TermDef> terms,
            List<CriterionDef> criteria,
            List<Scenario> scenarios,
            List<Profile> profiles,
            double utilityScale) {
        this(version, terms, criteria, scenarios, profiles, utilityScale, null, null, null, null);
    }

    private static List<SectionDef> sectionsOf(List<TermDef> terms) {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        terms.forEach(t -> ids.add(t.id().indexOf('.') < 0 ? t.id() : t.section()));
        return ids.stream().map(id -> new SectionDef(id, null)).toList();
    }

    /** A model on the scale of utility points. */
    public DealModel(
            String version,
            List<TermDef> terms,
            List<CriterionDef> criteria,
            List<Scenario> scenarios,
            List<Profile> profiles) {
        this(version, terms, criteria, scenarios, profiles, POINTS, null, null, null, null);
    }

    public Optional<TermDef> term(String id) {
        return terms.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** True when the pattern names a term, or is a section wildcard ({@code tiktok.*}) matching at least one. */
    public boolean knowsTermPattern(String pattern) {
        return pattern.endsWith(".*")
                ? terms.stream().anyMatch(t -> t.id().startsWith(pattern.substring(0, pattern.length() - 1)))
                : term(pattern).isPresent();
    }

    public Optional<SectionDef> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The side that gives what the term holds (its section's giver), or null. */
    public Side giver(TermDef term) {
        return section(term.section()).map(SectionDef::giver).orElse(null);
    }

    /** The terms of one section, in the model's order. */
    public List<TermDef> terms(SectionDef section) {
        return terms.stream().filter(t -> t.id().startsWith(section.id() + ".")).toList();
    }

    public int termIndex(String id) {
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<Scenario> scenario(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Profile> profile(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public List<CriterionDef> criteria(Side side) {
        return criteria.stream().filter(c -> c.side() == side).toList();
    }
}
