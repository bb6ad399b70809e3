package dev.dealeval.domain.model;

/**
 * The coercion rule of a model (docs/model.md "Coercion"): when a scenario holds a fresh threat on a
 * term the other side gives, and a bundle leaves that threat standing while moving a term of a
 * section {@code side} gives, the BOOLEAN {@code term} counts as true - for the U.S.-China model, a
 * concession China makes under a fresh U.S. threat is a concession under a U.S. precondition.
 */
public record Coercion(String term, Side side) {}
