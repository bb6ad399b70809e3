package dev.dealeval.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealeval.application.DomainStore;
import dev.dealeval.domain.genius.DomainDefinition;
import jakarta.inject.Singleton;

@Singleton
public class JdbcDomainStore extends JsonDocumentStore<DomainDefinition> implements DomainStore {

    public JdbcDomainStore(Sql sql, ObjectMapper json) {
        super(sql, json, "negotiation_domain", DomainDefinition.class, "domain");
    }

    @Override
    String id(DomainDefinition value) {
        return value.id();
    }

    @Override
    String name(DomainDefinition value) {
        return value.name();
    }

    @Override
    DomainDefinition withIdentity(DomainDefinition d, String id, long version) {
        return new DomainDefinition(id, d.name(), d.description(), d.domain(), d.parties(), version);
    }
}
