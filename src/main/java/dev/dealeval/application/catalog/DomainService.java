package dev.dealeval.application.catalog;

import dev.dealeval.application.error.InvalidInputException;
import dev.dealeval.application.port.DomainStore;
import dev.dealeval.application.port.GeniusDocuments;
import dev.dealeval.application.port.Page;
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
 * written, stored with a version like profiles and scenarios. The transaction boundary for their writes.
 */
@ApplicationScoped
public class DomainService {
    private final DomainStore store;
    private final GeniusDocuments genius;
    private final VersionedCatalog<DomainDefinition> catalog;

    public DomainService(DomainStore store, GeniusDocuments genius) {
        this.store = store;
        this.genius = genius;
        this.catalog =
                new VersionedCatalog<>("domain", List::of, store, DomainDefinition::id, DomainDefinition::version);
    }

    /** A domain as uploaded: the GENIUS domain file and one preferences file per party, as text. */
    public record Draft(String name, String description, String domainXml, List<Party> parties) {}

    public record Party(String name, String xml) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public DomainDefinition get(String id) {
        return catalog.get(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DomainDefinition> list(int page, int size) {
        return catalog.list(page, size);
    }

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

    @Transactional
    public DomainDefinition create(String id, Draft draft) {
        DomainDefinition d = read(id, 1, draft);
        catalog.create(id, d);
        return d;
    }

    @Transactional
    public DomainDefinition update(String id, Long ifMatch, Draft draft) {
        long expected = catalog.checkWritable(id, ifMatch);
        return store.update(read(id, expected + 1, draft), expected);
    }

    @Transactional
    public void delete(String id, Long ifMatch) {
        store.delete(id, catalog.checkWritable(id, ifMatch));
    }

    /** Every file read and checked; each problem names the field and the element inside it. */
    private DomainDefinition read(String id, long version, Draft d) {
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
