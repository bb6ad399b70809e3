package dev.dealeval.api.security;

import dev.dealeval.config.DealevalConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Checks an API key against the configured SHA-256 hashes (dealeval.security.api-keys); the
 * service never holds a key itself. The entries' form is checked with the rest of the configuration
 * at start-up ({@link DealevalConfig.Security#API_KEY}): an entry not of that form stops it.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyRequest> {
    private record Key(String name, Set<String> roles, byte[] hash) {}

    private final List<Key> keys = new ArrayList<>();

    public ApiKeyIdentityProvider(DealevalConfig config) {
        for (String entry : config.security().apiKeys().orElse(List.of())) {
            String[] parts = entry.trim().split(":");
            keys.add(new Key(
                    parts[0], Set.of(parts[1].split("\\+")), HexFormat.of().parseHex(parts[2].toLowerCase())));
        }
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Class<ApiKeyRequest> getRequestType() {
        return ApiKeyRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyRequest request, AuthenticationRequestContext context) {
        byte[] presented = sha256(request.key());
        for (Key k : keys) {
            if (MessageDigest.isEqual(presented, k.hash())) {
                return Uni.createFrom()
                        .item(QuarkusSecurityIdentity.builder()
                                .setPrincipal(new QuarkusPrincipal(k.name()))
                                .addRoles(k.roles())
                                .build());
            }
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("unknown API key"));
    }
}
