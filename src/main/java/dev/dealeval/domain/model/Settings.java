package dev.dealeval.domain.model;

/**
 * Decision constants of docs/model.md ("Factions and stances", "Probabilities").
 *
 * @param stanceMargin         δ: a faction supports at surplus ≥ its margin and opposes at ≤ −margin (utility points)
 * @param vetoTemperature      τ of the veto holders' logistic σ(S/τ), scaled down with the margin for small deals
 * @param quorumUs             clout share of supporters the U.S. needs (strictly more than)
 * @param quorumCn             the same for China
 * @param relativeStanceMargin ρ: a faction's margin is min(δ, ρ·G), G its stake (how far the bundle moves its
 *                             criteria, gains and losses added), so a small deal that moves a faction one way
 *                             wins its support while trade-offs that nearly cancel leave it neutral
 */
public record Settings(
        double stanceMargin, double vetoTemperature, double quorumUs, double quorumCn, double relativeStanceMargin) {
    public double quorum(Side side) {
        return side == Side.US ? quorumUs : quorumCn;
    }
}
