package dev.dealeval.persistence;

import dev.dealeval.application.evaluation.CompactJson;
import dev.dealeval.application.port.EvaluationStore;
import dev.dealeval.application.port.StoredEvaluation;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The evaluation history in the {@code evaluation} table: one INSERT per stored evaluation, batched by the group commit. */
@Singleton
public class JdbcEvaluationStore implements EvaluationStore {
    /** The columns of a history entry; the request and the answer are the rest. */
    private static final String ENTRY_COLUMNS =
            "id, created_at, profile_id, profile_version, model_version, scenario_id, scenario_version, "
                    + "verdict, us_surplus, cn_surplus";

    private static final String COLUMNS = ENTRY_COLUMNS + ", request, result, result_deflated";
    private static final String INSERT =
            "INSERT INTO evaluation (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM evaluation";
    /** A page of the history reads no request or answer (about 4 KB a row that the list does not show). */
    private static final String SELECT_ENTRIES = "SELECT " + ENTRY_COLUMNS + " FROM evaluation";
    /** Newest first, ties broken by id: the order of the history and of its keyset cursor. */
    private static final String ORDER = " ORDER BY created_at DESC, id DESC";

    private final Sql sql;

    public JdbcEvaluationStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void save(StoredEvaluation s) {
        sql.update(INSERT, columns(s));
    }

    @Override
    public void saveAll(List<StoredEvaluation> evaluations) {
        sql.batch(INSERT, evaluations.stream().map(JdbcEvaluationStore::columns).toList());
    }

    private static Object[] columns(StoredEvaluation s) {
        byte[] deflated = s.result().deflated();
        return new Object[] {
            s.id(),
            s.createdAt(),
            s.profileId(),
            s.profileVersion(),
            s.modelVersion(),
            s.scenarioId(),
            s.scenarioVersion(),
            s.verdict(),
            s.usSurplus(),
            s.cnSurplus(),
            s.request(),
            deflated == null ? s.result().json() : null,
            deflated
        };
    }

    @Override
    public Optional<StoredEvaluation> find(String id) {
        return sql.one(SELECT + " WHERE id = ?", JdbcEvaluationStore::row, id);
    }

    @Override
    public List<StoredEvaluation.Entry> list(Filter filter, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Where w = where(filter);
        w.params.add(limit);
        w.params.add(offset);
        return sql.list(
                SELECT_ENTRIES + w.sql() + ORDER + " LIMIT ? OFFSET ?", JdbcEvaluationStore::entry, w.params.toArray());
    }

    @Override
    public List<StoredEvaluation.Entry> listAfter(Filter filter, Cursor after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Where w = where(filter);
        if (after != null) {
            w.clauses.add("(created_at < ? OR (created_at = ? AND id < ?))");
            w.params.add(after.createdAt());
            w.params.add(after.createdAt());
            w.params.add(after.id());
        }
        w.params.add(limit);
        return sql.list(SELECT_ENTRIES + w.sql() + ORDER + " LIMIT ?", JdbcEvaluationStore::entry, w.params.toArray());
    }

    @Override
    public long count(Filter filter) {
        Where w = where(filter);
        return sql.count("SELECT COUNT(*) FROM evaluation" + w.sql(), w.params.toArray());
    }

    /** The filter's conditions and their parameters, in order. */
    private record Where(List<String> clauses, List<Object> params) {
        String sql() {
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }
    }

    private static Where where(Filter f) {
        Where w = new Where(new ArrayList<>(), new ArrayList<>());
        add(w, "profile_id = ?", f.profileId());
        add(w, "scenario_id = ?", f.scenarioId());
        add(w, "verdict = ?", f.verdict());
        add(w, "created_at >= ?", f.from());
        add(w, "created_at < ?", f.to());
        return w;
    }

    private static void add(Where w, String clause, Object value) {
        if (value != null) {
            w.clauses.add(clause);
            w.params.add(value);
        }
    }

    private static StoredEvaluation.Entry entry(ResultSet rs) throws SQLException {
        return new StoredEvaluation.Entry(
                rs.getString("id"),
                Sql.instant(rs, "created_at"),
                rs.getString("profile_id"),
                rs.getLong("profile_version"),
                rs.getString("model_version"),
                rs.getString("scenario_id"),
                Sql.nullableLong(rs, "scenario_version"),
                rs.getString("verdict"),
                rs.getDouble("us_surplus"),
                rs.getDouble("cn_surplus"));
    }

    private static StoredEvaluation row(ResultSet rs) throws SQLException {
        byte[] deflated = rs.getBytes("result_deflated");
        return StoredEvaluation.of(
                entry(rs),
                rs.getString("request"),
                deflated != null ? CompactJson.ofDeflated(deflated) : CompactJson.ofText(rs.getString("result")));
    }
}
