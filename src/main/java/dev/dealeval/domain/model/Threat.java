package dev.dealeval.domain.model;

/**
 * A measure threatened in a scenario: without a deal the term is expected at
 * {@code (1 - probability) * current + probability * value}. A deal that leaves the term out leaves
 * the threat standing; a deal that sets the term withdraws it.
 *
 * @param fresh announced in the month before the decision, to force it: a deal that leaves a fresh
 *              threat standing is made under coercion (docs/model.md "Coercion")
 */
public record Threat(String term, double value, double probability, String description, boolean fresh) {
    /** A threat that is not fresh. */
    public Threat(String term, double value, double probability, String description) {
        this(term, value, probability, description, false);
    }
}
