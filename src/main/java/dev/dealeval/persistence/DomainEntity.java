package dev.dealeval.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An imported negotiation domain. */
@Entity
@Table(name = "negotiation_domain")
public class DomainEntity extends DocumentEntity {
}
