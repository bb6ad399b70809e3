package dev.dealeval.api.security;

import dev.dealeval.config.DealevalConfig;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * With {@code dealeval.security.open-reads=false}, every /api request needs a valid key (writes
 * additionally need the editor role, declared on the resources). Authentication is lazy, so a bad
 * key surfaces here as an exception the problem+json mappers turn into 401. With open reads, a
 * client without a key stores evaluations only within {@link AnonymousStoreQuota} (429 past it).
 */
public class ReadAccess {
    private final DealevalConfig config;
    private final CurrentIdentityAssociation identity;
    private final AnonymousStoreQuota quota;

    public ReadAccess(DealevalConfig config, CurrentIdentityAssociation identity) {
        this.config = config;
        this.identity = identity;
        this.quota = AnonymousStoreQuota.of(config.security());
    }

    @ServerRequestFilter
    public Uni<Void> requireIdentity(ContainerRequestContext ctx, HttpServerRequest request) {
        if (!ctx.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().voidItem(); // the front page's redirect and the API port's probes stay open
        }
        return identity.getDeferredIdentity().onItem().transformToUni(id -> {
            if (!config.security().openReads() && id.isAnonymous()) {
                return Uni.createFrom().failure(new UnauthorizedException("an API key is required"));
            }
            if (id.isAnonymous() && storesAnEvaluation(ctx)) {
                SocketAddress client = request.remoteAddress();
                quota.acquire(client == null ? "?" : client.hostAddress(), System.currentTimeMillis());
            }
            return Uni.createFrom().voidItem();
        });
    }

    /** POST /api/v1/evaluations that stores (store is true unless the query says false). */
    private static boolean storesAnEvaluation(ContainerRequestContext ctx) {
        return "POST".equals(ctx.getMethod())
                && "/api/v1/evaluations".equals(ctx.getUriInfo().getPath())
                && !"false".equals(ctx.getUriInfo().getQueryParameters().getFirst("store"));
    }
}
