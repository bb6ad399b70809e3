package dev.dealeval.domain.model;

/** One term's additive contribution to a criterion's raw score. */
public record Component(String term, ScoreFunction function, Gate gate) {}
