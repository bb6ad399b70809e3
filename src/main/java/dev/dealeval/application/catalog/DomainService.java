package dev.dealeval.application.catalog;

import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.port.DomainStore;
import dev.dealeval.application.port.GeniusDocuments;
import dev.dealeval.domain.engine.CompiledModel;
import dev.dealeval.domain.engine.Violation;
import dev.dealeval.domain.genius.DomainDefinition;
import dev.dealeval.domain.genius.DomainModel;
import dev.dealeval.domain.genius.NegotiationDomain;
import dev.dealeval.domain.genius.Preferences;
import dev.dealeval.domain.model.ModelException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Imported two-party negotiation domains (GENIUS XML): read and checked in full before anything is
 * written, stored with a version like profiles and scenarios.
 */
@ApplicationScoped
public class DomainService extends CatalogService<DomainDefinition, DomainService.Draft> {
    private final GeniusDocuments genius;
    private final VersionedCatalog<DomainDefinition> catalog;

    public DomainService(DomainStore store, GeniusDocuments genius) {
        this.genius = genius;
        this.catalog =
                new VersionedCatalog<>("domain", List::of, store, DomainDefinition::id, DomainDefinition::version);
    }

    @Override
    VersionedCatalog<DomainDefinition> catalog() {
        return catalog;
    }

    /** A domain as uploaded: the GENIUS domain file and one preferences file per party, as text. */
    public record Draft(String name, String description, String domainXml, List<Party> parties) {}

    public record Party(String name, String xml) {}

    /**
     * The domain named in an analysis request, compiled for the engine ({@link DomainModel}), or null
     * with a violation of the field when there is no such domain.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Compiled compiled(String id, String field, List<Violation> violations) {
        DomainDefinition d = catalog.find(id).orElse(null);
        if (d == null) {
            violations.add(new Violation(
                    field, "unknown domain '" + id + "' (GET /api/v1/domains lists them; POST one there)"));
            return null;
        }
        // Compiled on every request: it costs far less than reading the domain (Energy's 16 criteria), and a
        // domain deleted and re-created under its id starts again at version 1, so a cache by version could go stale.
        var model = DomainModel.compile(d);
        return new Compiled(d, CompiledModel.compile(model, model.profiles().get(0)));
    }

    /** A stored domain and its compiled model. */
    public record Compiled(DomainDefinition definition, CompiledModel model) {}

    /** Every file read and checked; each problem names the field and the element inside it. */
    @Override
    DomainDefinition resolve(String id, long version, Draft d) {
        NegotiationDomain domain;
        try {
            domain = genius.readDomain(d.domainXml(), d.name());
        } catch (ModelException e) {
            throw new InvalidInputException(List.of(new Violation("domainXml", e.getMessage())));
        }
        List<Preferences> parties = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < d.parties().size(); i++) {
            Party p = d.parties().get(i);
            try {
                parties.add(genius.readPreferences(p.xml(), domain, p.name()));
            } catch (ModelException e) {
                violations.add(new Violation("parties[" + i + "].xml", e.getMessage()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new DomainDefinition(
                id, d.name(), d.description() == null ? "" : d.description(), domain, parties, version);
    }
}
