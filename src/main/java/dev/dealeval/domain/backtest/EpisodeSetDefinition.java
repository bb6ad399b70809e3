package dev.dealeval.domain.backtest;

import java.util.List;

/**
 * A named set of episodes the backtest can run: the built-in one (the episodes file, read-only) or
 * one an analyst stored, with a version that grows by one per write (docs/backtest.md, "Your own
 * episode sets").
 *
 * @param basedOn  the set its episodes were copied from, or null
 * @param excluded episodes considered and left out, with the reason (the built-in set's; none for stored ones)
 */
public record EpisodeSetDefinition(
        String id,
        String name,
        String description,
        String basedOn,
        List<Episode> episodes,
        List<Exclusion> excluded,
        boolean builtIn,
        long version) {

    public EpisodeSetDefinition {
        description = description == null ? "" : description;
        episodes = List.copyOf(episodes);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
    }
}
