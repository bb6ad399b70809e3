package dev.dealeval.domain.genius;

import java.util.List;

/** A two-party negotiation domain in the form of GENIUS and the ANAC competitions: its issues, in order. */
public record NegotiationDomain(String name, List<Issue> issues) {
    public NegotiationDomain {
        issues = List.copyOf(issues);
    }

    /** The number of outcomes: the product of the issues' sizes (saturating at Long.MAX_VALUE). */
    public long outcomeCount() {
        long n = 1;
        for (Issue i : issues) {
            try {
                n = Math.multiplyExact(n, i.size());
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }
}
