package dev.dealeval.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealeval.application.port.DomainStore;
import dev.dealeval.domain.genius.DomainDefinition;
import jakarta.inject.Singleton;

@Singleton
public class JdbcDomainStore extends JsonDocumentStore<DomainDefinition> implements DomainStore {

    public JdbcDomainStore(Sql sql, ObjectMapper json) {
        super(
                sql,
                json,
                "negotiation_domain",
                "domain",
                DomainDefinition.class,
                DomainDefinition::id,
                DomainDefinition::name,
                (d, id, version) ->
                        new DomainDefinition(id, d.name(), d.description(), d.domain(), d.parties(), version));
    }
}
