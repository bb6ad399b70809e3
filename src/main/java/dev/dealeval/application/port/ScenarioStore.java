package dev.dealeval.application.port;

import dev.dealeval.domain.model.Scenario;

/** Port: user-defined no-deal scenarios. */
public interface ScenarioStore extends VersionedStore<Scenario> {}
