package dev.dealeval.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A user-defined definition stored as a JSON document, versioned for optimistic locking. The JPA
 * version starts at 0; the API's version is one more.
 */
@MappedSuperclass
public abstract class DocumentEntity {
    @Id
    @Column(length = 64)
    public String id;

    @Version
    public long version;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 1048576)
    public String document;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
