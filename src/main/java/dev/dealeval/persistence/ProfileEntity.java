package dev.dealeval.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A user-defined profile. */
@Entity
@Table(name = "profile")
public class ProfileEntity extends DocumentEntity {
}
