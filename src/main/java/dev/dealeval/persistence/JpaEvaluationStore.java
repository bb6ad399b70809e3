package dev.dealeval.persistence;

import dev.dealeval.application.CompactJson;
import dev.dealeval.application.EvaluationStore;
import dev.dealeval.application.StoredEvaluation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaEvaluationStore implements EvaluationStore, PanacheRepositoryBase<EvaluationEntity, String> {

    @Override
    public void save(StoredEvaluation s) {
        EvaluationEntity e = new EvaluationEntity();
        e.id = s.id();
        e.createdAt = s.createdAt();
        e.profileId = s.profileId();
        e.profileVersion = s.profileVersion();
        e.modelVersion = s.modelVersion();
        e.scenarioId = s.scenarioId();
        e.scenarioVersion = s.scenarioVersion();
        e.verdict = s.verdict();
        e.usSurplus = s.usSurplus();
        e.cnSurplus = s.cnSurplus();
        e.request = s.request();
        e.resultDeflated = s.result().deflated();
        e.result = e.resultDeflated == null ? s.result().json() : null;
        persist(e);
    }

    @Override
    public Optional<StoredEvaluation> find(String id) {
        return findByIdOptional(id).map(JpaEvaluationStore::toDomain);
    }

    @Override
    public List<StoredEvaluation> list(Filter filter, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Query q = query(filter);
        return find(q.where, Sort.descending("createdAt", "id"), q.params).range(offset, offset + limit - 1).list().stream()
                .map(JpaEvaluationStore::toDomain).toList();
    }

    @Override
    public List<StoredEvaluation> listAfter(Filter filter, Cursor after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Query q = query(filter);
        String where = q.where;
        Parameters params = q.params;
        if (after != null) {
            String keyset = "(createdAt < :afterAt or (createdAt = :afterAt and id < :afterId))";
            where = where.isEmpty() ? keyset : where + " and " + keyset;
            params.and("afterAt", after.createdAt()).and("afterId", after.id());
        }
        return find(where, Sort.descending("createdAt", "id"), params).range(0, limit - 1).list().stream()
                .map(JpaEvaluationStore::toDomain).toList();
    }

    @Override
    public long count(Filter filter) {
        Query q = query(filter);
        return q.where.isEmpty() ? count() : count(q.where, q.params);
    }

    private record Query(String where, Parameters params) {
    }

    private static Query query(Filter f) {
        List<String> clauses = new ArrayList<>();
        Parameters p = new Parameters();
        if (f.profileId() != null) {
            clauses.add("profileId = :profile");
            p.and("profile", f.profileId());
        }
        if (f.scenarioId() != null) {
            clauses.add("scenarioId = :scenario");
            p.and("scenario", f.scenarioId());
        }
        if (f.verdict() != null) {
            clauses.add("verdict = :verdict");
            p.and("verdict", f.verdict());
        }
        if (f.from() != null) {
            clauses.add("createdAt >= :from");
            p.and("from", f.from());
        }
        if (f.to() != null) {
            clauses.add("createdAt < :to");
            p.and("to", f.to());
        }
        return new Query(String.join(" and ", clauses), p);
    }

    private static StoredEvaluation toDomain(EvaluationEntity e) {
        return new StoredEvaluation(e.id, e.createdAt, e.profileId, e.profileVersion, e.modelVersion, e.scenarioId, e.scenarioVersion,
                e.verdict, e.usSurplus, e.cnSurplus, e.request,
                e.resultDeflated != null ? CompactJson.ofDeflated(e.resultDeflated) : CompactJson.ofText(e.result));
    }
}
