package dev.dealeval.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealeval.application.port.ScenarioStore;
import dev.dealeval.domain.model.Scenario;
import jakarta.inject.Singleton;

@Singleton
public class JdbcScenarioStore extends JsonDocumentStore<Scenario> implements ScenarioStore {

    public JdbcScenarioStore(Sql sql, ObjectMapper json) {
        super(
                sql,
                json,
                "scenario",
                "scenario",
                Scenario.class,
                Scenario::id,
                Scenario::name,
                (s, id, version) -> s.stored(id, version));
    }
}
