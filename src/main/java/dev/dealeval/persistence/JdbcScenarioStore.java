package dev.dealeval.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealeval.application.ScenarioStore;
import dev.dealeval.domain.model.Scenario;
import jakarta.inject.Singleton;

@Singleton
public class JdbcScenarioStore extends JsonDocumentStore<Scenario> implements ScenarioStore {

    public JdbcScenarioStore(Sql sql, ObjectMapper json) {
        super(sql, json, "scenario", Scenario.class, "scenario");
    }

    @Override
    String id(Scenario value) {
        return value.id();
    }

    @Override
    String name(Scenario value) {
        return value.name();
    }

    @Override
    Scenario withIdentity(Scenario s, String id, long version) {
        return new Scenario(id, s.name(), s.date(), s.description(), s.values(), s.threats(), s.sources(), false, version);
    }
}
