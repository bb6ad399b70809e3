package dev.dealeval.domain.model;

/**
 * Decision constants of docs/model.md ("Factions and stances", "Ratification", "Probabilities").
 * The temperature, thresholds, stake floor and probability floor of the default profile are fitted
 * to the backtest's episodes (docs/fitting.md).
 *
 * @param stanceMargin         δ: a faction supports at surplus ≥ its margin and opposes at ≤ −margin (utility
 *                             points); stances explain a verdict, the support index decides it
 * @param temperature          τ of P = ε + (1 − 2ε)·σ((R − θ)/τ), R the side's support index
 * @param thresholdUs          θ: the U.S. ratifies when its support index R exceeds it
 * @param thresholdCn          the same for China
 * @param relativeStanceMargin ρ: a faction's margin is min(δ, ρ·G), G its stake (how far the bundle moves its
 *                             criteria, gains and losses added)
 * @param stakeFloor           γ (utility points): a faction's support is S/(G + γ), so a bundle that moves it
 *                             little leaves it close to indifferent
 * @param probabilityFloor     ε: no ratification probability is below ε or above 1 − ε
 */
public record Settings(
        double stanceMargin,
        double temperature,
        double thresholdUs,
        double thresholdCn,
        double relativeStanceMargin,
        double stakeFloor,
        double probabilityFloor) {
    public double threshold(Side side) {
        return side == Side.US ? thresholdUs : thresholdCn;
    }
}
