package dev.dealeval.application.port;

import dev.dealeval.domain.backtest.EpisodeSetDefinition;

/** Port: user-defined episode sets for the backtest. */
public interface EpisodeSetStore extends VersionedStore<EpisodeSetDefinition> {}
