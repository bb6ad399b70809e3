package dev.dealeval.domain.genius;

import java.util.List;

/**
 * One issue of a negotiation domain: discrete (a list of named values) or integer (every whole number
 * from low to high). An outcome picks one value per issue, by its position.
 */
public record Issue(String name, Kind kind, List<String> values, int low, int high) {
    public enum Kind {
        DISCRETE,
        INTEGER
    }

    public Issue {
        values = kind == Kind.DISCRETE ? List.copyOf(values) : List.of();
    }

    public static Issue discrete(String name, List<String> values) {
        return new Issue(name, Kind.DISCRETE, values, 0, 0);
    }

    public static Issue integer(String name, int low, int high) {
        return new Issue(name, Kind.INTEGER, List.of(), low, high);
    }

    /** How many values the issue takes. */
    public int size() {
        return kind == Kind.DISCRETE ? values.size() : high - low + 1;
    }

    /** The value at a position, as GENIUS writes it (the name, or the whole number). */
    public String value(int position) {
        return kind == Kind.DISCRETE ? values.get(position) : Integer.toString(low + position);
    }
}
