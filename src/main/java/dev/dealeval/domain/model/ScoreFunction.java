package dev.dealeval.domain.model;

import java.util.List;

/** How one term moves a criterion: the additive pieces of a criterion value (docs/model.md, "Criteria and weights"). */
public sealed interface ScoreFunction {

    /** {@code slope * value / per}. */
    record Linear(double slope, double per) implements ScoreFunction {}

    /** Piecewise linear through (x, y) points, flat beyond the ends; xs strictly increasing. */
    record Points(List<Double> xs, List<Double> ys) implements ScoreFunction {
        public Points {
            xs = List.copyOf(xs);
            ys = List.copyOf(ys);
        }
    }

    /** One score per enum value (or per false/true); values not listed score 0. */
    record Levels(java.util.Map<String, Double> scores) implements ScoreFunction {
        public Levels {
            scores = java.util.Map.copyOf(scores);
        }
    }
}
