package dev.dealeval.domain.backtest;

import java.util.List;

/** The episodes of the backtest and those deliberately left out. */
public record EpisodeSet(List<Episode> episodes, List<Exclusion> excluded) {
    public EpisodeSet {
        episodes = List.copyOf(episodes);
        excluded = List.copyOf(excluded);
    }
}
