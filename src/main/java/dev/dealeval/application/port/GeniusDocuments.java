package dev.dealeval.application.port;

import dev.dealeval.domain.genius.NegotiationDomain;
import dev.dealeval.domain.genius.Preferences;
import dev.dealeval.domain.model.ModelException;

/**
 * Port: GENIUS documents, the files of GENIUS and the ANAC competitions. A domain file lists the issues and their
 * values; a preferences file holds one party's evaluations, weights, reservation value and discount factor.
 */
public interface GeniusDocuments {

    /**
     * The domain of a GENIUS domain file (or of a preferences file, which repeats the issues).
     *
     * @throws ModelException naming the element at fault, when the document is not a domain this service can use
     */
    NegotiationDomain readDomain(String xml, String name);

    /**
     * One party's preferences over {@code domain}, from its GENIUS preferences file.
     *
     * @throws ModelException naming the element at fault, when the document does not evaluate the domain in full
     */
    Preferences readPreferences(String xml, NegotiationDomain domain, String name);

    /** The domain as a GENIUS domain file. */
    String writeDomain(NegotiationDomain domain);

    /** One party's preferences as a GENIUS preferences file; read back with the domain, the same utilities. */
    String writePreferences(NegotiationDomain domain, Preferences party);
}
