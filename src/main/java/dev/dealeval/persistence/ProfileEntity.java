package dev.dealeval.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A user-defined profile: the full definition as a JSON document, versioned for optimistic locking. */
@Entity
@Table(name = "profile")
public class ProfileEntity {
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
