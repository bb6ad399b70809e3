package dev.dealeval.api.v1;

import dev.dealeval.application.catalog.CatalogService;
import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.evaluation.Idempotency;
import dev.dealeval.application.port.IdempotencyStore;
import dev.dealeval.application.port.Page;
import dev.dealeval.domain.engine.Violation;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;

/**
 * The HTTP side of a catalogue of versioned definitions (profiles, scenarios, domains, episode sets), which their
 * resources share: a page of them; one with its version as the ETag; create, safe to retry with an
 * Idempotency-Key, answering 201 with Location and ETag; replace and delete, conditional on If-Match
 * (the service answers 428 without it and 412 when it is stale). The resources keep the JAX-RS and
 * OpenAPI annotations of each operation and call these.
 *
 * @param <T> the stored definition
 * @param <D> the service's draft of it
 * @param <Q> the request document that describes it
 * @param <R> the response document that shows it
 */
final class CatalogEndpoint<T, D, Q, R> {
    /** A page document (ProfileList, ScenarioList, DomainList, EpisodeSetList) from its items and counts. */
    interface PageDocument<R, L> {
        L of(List<R> items, int page, int size, long total, long totalPages);
    }

    private final String collection;
    private final CatalogService<T, D> service;
    private final Function<Q, String> requestId;
    private final Function<Q, D> draft;
    private final Function<T, R> response;
    private final Idempotency idempotency;
    private final CanonicalJson canonical;

    /**
     * @param collection the collection's path, /api/v1/profiles: the scope of its Idempotency-Keys
     * @param requestId the id a request document names (null when it names none)
     */
    CatalogEndpoint(
            String collection,
            CatalogService<T, D> service,
            Function<Q, String> requestId,
            Function<Q, D> draft,
            Function<T, R> response,
            Idempotency idempotency,
            CanonicalJson canonical) {
        this.collection = collection;
        this.service = service;
        this.requestId = requestId;
        this.draft = draft;
        this.response = response;
        this.idempotency = idempotency;
        this.canonical = canonical;
    }

    <L> L list(int page, int size, PageDocument<R, L> document) {
        return list(page, size, response, document);
    }

    /** A page whose items are shown otherwise than GET shows one (episode sets: without their episodes). */
    <S, L> L list(int page, int size, Function<T, S> item, PageDocument<S, L> document) {
        Page<T> p = service.list(page, size);
        return document.of(p.items().stream().map(item).toList(), p.page(), p.size(), p.total(), p.totalPages());
    }

    Response get(String id) {
        return current(service.get(id));
    }

    /** POST: the request names the new id; a retry with the same Idempotency-Key gets the first answer again. */
    Response create(Q request, String idempotencyKey, UriInfo uri) {
        String id = requestId.apply(request);
        if (id == null) {
            throw new InvalidInputException(List.of(new Violation("id", "is required")));
        }
        String canonicalRequest = canonical.write(request);
        var outcome = idempotency.run(
                "POST " + collection, CanonicalJson.key(idempotencyKey), CanonicalJson.sha256(canonicalRequest), () -> {
                    T created = service.create(id, draft.apply(request));
                    return new IdempotencyStore.Outcome(
                            201,
                            uri.getAbsolutePathBuilder()
                                    .path(service.id(created))
                                    .build()
                                    .getPath(),
                            Etags.of(service.version(created)).toString(),
                            canonical.writeResponse(response.apply(created)));
                });
        return Created.response(outcome);
    }

    /** PUT: the id is the path's; a request document may repeat it, not name another. */
    Response replace(String id, String ifMatch, Q request) {
        String named = requestId.apply(request);
        if (named != null && !named.equals(id)) {
            throw new InvalidInputException(
                    List.of(new Violation("id", "must equal the id in the path, or be left out")));
        }
        Long version = Etags.version(ifMatch);
        return current(service.update(id, version, draft.apply(request)));
    }

    Response delete(String id, String ifMatch) {
        service.delete(id, Etags.version(ifMatch));
        return Response.noContent().build();
    }

    /** 200 with the definition and its version as the ETag. */
    private Response current(T definition) {
        return Response.ok(response.apply(definition))
                .tag(Etags.of(service.version(definition)))
                .build();
    }
}
