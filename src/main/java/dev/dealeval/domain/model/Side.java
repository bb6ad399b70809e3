package dev.dealeval.domain.model;

/** The two governments at the table. */
public enum Side {
    US,
    CN;

    /** The other side. */
    public Side other() {
        return this == US ? CN : US;
    }
}
