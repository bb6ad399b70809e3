package dev.dealeval.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DomainRepository implements PanacheRepositoryBase<DomainEntity, String> {
}
