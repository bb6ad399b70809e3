package dev.dealeval.api.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented by a client. */
public class ApiKeyRequest extends BaseAuthenticationRequest {
    private final String key;

    public ApiKeyRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
