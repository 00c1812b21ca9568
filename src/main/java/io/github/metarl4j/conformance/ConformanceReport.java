package io.github.metarl4j.conformance;

import java.util.List;

/**
 * The outcome of {@link ConformanceChecker#check}: one entry per check.
 *
 * @param family the family's name
 * @param checks every check, passed or failed, in the order run
 */
public record ConformanceReport(String family, List<Check> checks) {

    /**
     * Checks the arguments and holds them:
     *
     * @param family the family's name
     * @param checks every check, passed or failed, in the order run
     */
    public ConformanceReport {
        checks = List.copyOf(checks);
    }

    /** Whether every check passed. */
    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** The failed checks. */
    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** Looks up a check by name. */
    public Check check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check named '" + name + "'; checks are "
                        + checks.stream().map(Check::name).toList()));
    }

    /** Throws an {@link IllegalStateException} listing every failure, if any. */
    public void assertPassed() {
        if (!passed()) {
            throw new IllegalStateException(toString());
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("conformance of '" + family + "': "
                + (passed() ? "passed" : failures().size() + " of " + checks.size() + " checks failed"));
        for (Check c : checks) {
            sb.append("\n  ").append(c.passed() ? "ok   " : "FAIL ").append(c.name());
            if (!c.passed()) {
                sb.append(": ").append(c.detail());
            }
        }
        return sb.toString();
    }

    /**
     * One check's outcome.
     *
     * @param name   the check, e.g. {@code reset-deterministic}
     * @param passed whether it passed
     * @param detail what went wrong, empty when passed
     */
    public record Check(String name, boolean passed, String detail) {
    }
}
