package dev.dealeval.domain.genius;

import java.util.List;

/**
 * An imported two-party negotiation domain as the service stores it: the domain and each party's
 * preferences, under an id, with a version that grows by one per write.
 */
public record DomainDefinition(
        String id, String name, String description, NegotiationDomain domain, List<Preferences> parties, long version) {
    public DomainDefinition {
        parties = List.copyOf(parties);
    }
}
