package dev.dealeval.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The outcome of a creating POST under an Idempotency-Key, replayed for repeats. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyEntity {
    @EmbeddedId
    public Key id;

    @Column(name = "request_hash", nullable = false, length = 64)
    public String requestHash;

    @Column(nullable = false)
    public int status;

    @Column(length = 500)
    public String location;

    @Column(length = 100)
    public String etag;

    @Column(length = 1048576)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(length = 100)
        public String scope;

        @Column(name = "idem_key", length = 200)
        public String key;

        public Key() {
        }

        public Key(String scope, String key) {
            this.scope = scope;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(scope, k.scope) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, key);
        }
    }
}
