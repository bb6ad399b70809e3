package dev.dealeval.application.error;

import dev.dealeval.domain.engine.Violation;
import java.util.List;

/** The request is well-formed JSON but its content is not valid; maps to 400. */
public final class InvalidInputException extends ServiceException {
    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(
                violations.isEmpty()
                        ? "invalid input"
                        : violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
