package dev.dealeval.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A user-defined no-deal scenario. */
@Entity
@Table(name = "scenario")
public class ScenarioEntity extends DocumentEntity {
}
