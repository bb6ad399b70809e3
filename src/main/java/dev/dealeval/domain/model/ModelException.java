package dev.dealeval.domain.model;

/** A deal model, profile or scenario that is not internally consistent; the message names the entry. */
public class ModelException extends RuntimeException {
    private final String entry;

    public ModelException(String entry, String message) {
        super(entry + ": " + message);
        this.entry = entry;
    }

    /** Path of the offending entry, e.g. {@code criteria[3] (fentanyl).weight}. */
    public String entry() {
        return entry;
    }
}
