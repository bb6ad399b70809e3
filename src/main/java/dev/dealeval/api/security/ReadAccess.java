package dev.dealeval.api.security;

import dev.dealeval.config.DealevalConfig;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * With {@code dealeval.security.open-reads=false}, every /api request needs a valid key (writes
 * additionally need the editor role, declared on the resources). Authentication is lazy, so a bad
 * key surfaces here as an exception the problem+json mappers turn into 401.
 */
public class ReadAccess {
    private final DealevalConfig config;
    private final CurrentIdentityAssociation identity;

    public ReadAccess(DealevalConfig config, CurrentIdentityAssociation identity) {
        this.config = config;
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Void> requireIdentity(ContainerRequestContext ctx) {
        return identity.getDeferredIdentity().onItem().transformToUni(id -> {
            if (!config.security().openReads() && id.isAnonymous()) {
                return Uni.createFrom().failure(new UnauthorizedException("an API key is required"));
            }
            return Uni.createFrom().voidItem();
        });
    }
}
