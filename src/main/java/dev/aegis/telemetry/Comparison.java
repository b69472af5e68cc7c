package dev.aegis.telemetry;

/** How a test's figure must stand to its threshold for the test to pass. */
public enum Comparison {
    LT("<"),
    LE("≤"),
    GT(">"),
    GE("≥");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(double figure, double threshold) {
        return switch (this) {
            case LT -> figure < threshold;
            case LE -> figure <= threshold;
            case GT -> figure > threshold;
            case GE -> figure >= threshold;
        };
    }

    /** Of two figures, the one further from passing: the largest for an upper bound, the smallest for a lower one. */
    public double worse(double a, double b) {
        return this == LT || this == LE ? Math.max(a, b) : Math.min(a, b);
    }
}
