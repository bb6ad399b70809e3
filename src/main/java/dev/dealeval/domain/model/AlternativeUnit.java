package dev.dealeval.domain.model;

/**
 * A term that states another term's pledge in a different unit (soybeans in MMT instead of
 * agriculture in $B). The engine scores {@code max(target, alternative x factor)}, so a pledge
 * given both ways is not counted twice.
 */
public record AlternativeUnit(String term, double factor) {}
