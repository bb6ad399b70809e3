package dev.dealeval.application.port;

import dev.dealeval.domain.genius.DomainDefinition;

/** Port: imported negotiation domains. */
public interface DomainStore extends VersionedStore<DomainDefinition> {}
