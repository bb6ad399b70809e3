package dev.dealeval.domain.model;

/**
 * Decision constants of DESIGN.md §2.
 *
 * @param stanceMargin    δ: a faction supports at surplus ≥ δ and opposes at ≤ −δ (utility points)
 * @param vetoTemperature τ of the veto holders' logistic σ(S/τ)
 * @param quorumUs        clout share of supporters the U.S. needs (strictly more than)
 * @param quorumCn        the same for China
 */
public record Settings(double stanceMargin, double vetoTemperature, double quorumUs, double quorumCn) {
    public double quorum(Side side) {
        return side == Side.US ? quorumUs : quorumCn;
    }
}
