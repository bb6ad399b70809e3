package dev.dealeval.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealeval.application.port.EpisodeSetStore;
import dev.dealeval.domain.backtest.EpisodeSetDefinition;
import jakarta.inject.Singleton;

@Singleton
public class JdbcEpisodeSetStore extends JsonDocumentStore<EpisodeSetDefinition> implements EpisodeSetStore {

    public JdbcEpisodeSetStore(Sql sql, ObjectMapper json) {
        super(
                sql,
                json,
                "episode_set",
                "episode set",
                EpisodeSetDefinition.class,
                EpisodeSetDefinition::id,
                EpisodeSetDefinition::name,
                (s, id, version) -> new EpisodeSetDefinition(
                        id, s.name(), s.description(), s.basedOn(), s.episodes(), s.excluded(), false, version));
    }
}
