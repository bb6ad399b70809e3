package dev.dealeval.application;

import dev.dealeval.domain.genius.DomainDefinition;

/** Port: imported negotiation domains. */
public interface DomainStore extends VersionedStore<DomainDefinition> {}
