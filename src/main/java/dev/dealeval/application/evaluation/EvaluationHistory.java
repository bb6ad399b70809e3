package dev.dealeval.application.evaluation;

import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.port.EvaluationStore;
import dev.dealeval.application.port.IdempotencyStore;
import dev.dealeval.application.port.Page;
import dev.dealeval.application.port.StoredEvaluation;
import dev.dealeval.domain.engine.Evaluation;
import dev.dealeval.domain.engine.Verdict;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.model.Side;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Stored evaluations: evaluated and stored (by group commit, or once per Idempotency-Key), read
 * back exactly as returned, and listed a page at a time.
 */
@ApplicationScoped
public class EvaluationHistory {
    /** The scope an evaluation's Idempotency-Key is bound to. */
    static final String SCOPE = "POST /api/v1/evaluations";

    private final EvaluationStore store;
    private final EvaluationService evaluations;
    private final EvaluationWriter writer;
    private final Idempotency idempotency;

    public EvaluationHistory(
            EvaluationStore store, EvaluationService evaluations, EvaluationWriter writer, Idempotency idempotency) {
        this.store = store;
        this.evaluations = evaluations;
        this.writer = writer;
        this.idempotency = idempotency;
    }

    /** The body of the answer for an evaluation stored under an id at an instant, as the caller writes it. */
    @FunctionalInterface
    public interface Body {
        String write(Evaluation evaluation, String id, String createdAt);
    }

    /**
     * Evaluates and stores; the answer (201, Location, body) once it is committed.
     *
     * @param requestJson the request in canonical JSON, as stored
     * @param key         the Idempotency-Key, or null
     * @param fingerprint the hash of requestJson the key is bound to (null without a key)
     * @param location    the path the stored evaluation's id is appended to
     */
    public IdempotencyStore.Outcome evaluateAndStore(
            EvaluationService.Command command,
            String requestJson,
            String key,
            String fingerprint,
            String location,
            Body body) {
        if (key == null) {
            // No key to keep: evaluate, then store by group commit (answered once committed).
            Stored s = stored(command, requestJson, location, body);
            try {
                writer.write(s.evaluation()).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            return s.outcome();
        }
        // Evaluate inside the idempotent work: a retry replays the first answer even if the profile
        // it used has changed or gone since, instead of computing (or failing) again.
        return idempotency.run(SCOPE, key, fingerprint, () -> {
            Stored s = stored(command, requestJson, location, body);
            save(s.evaluation());
            return s.outcome();
        });
    }

    /** An evaluation as it is stored, and the answer that says so. */
    private record Stored(StoredEvaluation evaluation, IdempotencyStore.Outcome outcome) {}

    private Stored stored(EvaluationService.Command command, String requestJson, String location, Body body) {
        Evaluation evaluation = evaluations.evaluate(command);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String id = TimeOrderedIds.next(now).toString();
        String json = body.write(evaluation, id, now.toString());
        StoredEvaluation stored = new StoredEvaluation(
                id,
                now,
                evaluation.profile(),
                evaluation.profileVersion(),
                evaluation.modelVersion(),
                evaluation.scenario(),
                evaluation.scenarioVersion(),
                evaluation.joint().verdict().name(),
                evaluation.side(Side.US).surplus(),
                evaluation.side(Side.CN).surplus(),
                requestJson,
                CompactJson.deflate(json));
        return new Stored(stored, new IdempotencyStore.Outcome(201, location + "/" + id, null, json));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(StoredEvaluation evaluation) {
        store.save(evaluation);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredEvaluation> find(String id) {
        return store.find(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StoredEvaluation.Entry> list(EvaluationStore.Filter filter, int page, int size) {
        return new Page<>(store.list(filter, page * size, size), page, size, store.count(filter));
    }

    /** A page after a cursor (null: the newest), and the cursor of the next page (null when this one is the last). */
    public record CursorPage(List<StoredEvaluation.Entry> items, EvaluationStore.Cursor next) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public CursorPage listAfter(EvaluationStore.Filter filter, EvaluationStore.Cursor after, int size) {
        // One more than asked tells whether there is a next page without counting.
        var items = store.listAfter(filter, after, size + 1);
        if (items.size() <= size) {
            return new CursorPage(items, null);
        }
        var page = items.subList(0, size);
        StoredEvaluation.Entry last = page.get(size - 1);
        return new CursorPage(List.copyOf(page), new EvaluationStore.Cursor(last.createdAt(), last.id()));
    }

    /**
     * A listing as a client asks for it: filters as written (verdict a {@link Verdict} name, from and
     * to ISO-8601 instants), and a page number or a cursor (the nextCursor of the previous page).
     */
    public record Query(
            String profile,
            String scenario,
            String verdict,
            String from,
            String to,
            Integer page,
            int size,
            String cursor) {}

    /**
     * A page of stored evaluations, newest first. Listed by cursor, page, total and totalPages are null.
     *
     * @param nextCursor where the next page starts; null on the last page
     */
    public record Listing(
            List<StoredEvaluation.Entry> items,
            Integer page,
            int size,
            Long total,
            Long totalPages,
            String nextCursor) {}

    /** The page a query asks for, every problem with it reported at once. */
    public Listing list(Query q) {
        List<Violation> violations = new ArrayList<>();
        if (q.verdict() != null
                && Arrays.stream(Verdict.values()).noneMatch(v -> v.name().equals(q.verdict()))) {
            violations.add(new Violation("verdict", "must be one of " + Arrays.toString(Verdict.values())));
        }
        if (q.cursor() != null && q.page() != null) {
            violations.add(
                    new Violation("page", "leave it out with a cursor: a cursor already says where the page starts"));
        }
        EvaluationStore.Cursor after = q.cursor() == null ? null : Cursors.read(q.cursor(), violations);
        Instant fromAt = instant("from", q.from(), violations);
        Instant toAt = instant("to", q.to(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        var filter = new EvaluationStore.Filter(q.profile(), q.scenario(), q.verdict(), fromAt, toAt);
        if (q.cursor() != null) {
            CursorPage p = listAfter(filter, after, q.size());
            return new Listing(
                    p.items(), null, q.size(), null, null, p.next() == null ? null : Cursors.write(p.next()));
        }
        Page<StoredEvaluation.Entry> p = list(filter, q.page() == null ? 0 : q.page(), q.size());
        StoredEvaluation.Entry last =
                p.items().isEmpty() ? null : p.items().get(p.items().size() - 1);
        boolean more = (long) (p.page() + 1) * p.size() < p.total();
        return new Listing(
                p.items(),
                p.page(),
                p.size(),
                p.total(),
                p.totalPages(),
                more && last != null ? Cursors.write(new EvaluationStore.Cursor(last.createdAt(), last.id())) : null);
    }

    /** Opaque cursors: the position (stored-at instant and id) in base64url, so clients do not build them. */
    static final class Cursors {
        private Cursors() {}

        static String write(EvaluationStore.Cursor c) {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((c.createdAt() + "|" + c.id()).getBytes(StandardCharsets.UTF_8));
        }

        static EvaluationStore.Cursor read(String cursor, List<Violation> violations) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = text.indexOf('|');
                if (bar > 0 && bar < text.length() - 1) {
                    return new EvaluationStore.Cursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // reported below
            }
            violations.add(new Violation(
                    "cursor", "is not a cursor this service gave out (pass a page's nextCursor as it is)"));
            return null;
        }
    }

    private static Instant instant(String field, String value, List<Violation> violations) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z"));
            return null;
        }
    }
}
