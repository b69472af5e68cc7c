package dev.aegis.shared.ui;

import java.util.Locale;

/**
 * The small pieces every server-rendered SVG chart of Aegis needs (the monitor's and the findings register's): a
 * rounded axis maximum, readable numbers, coordinates and escaped text.
 */
public final class Svg {

    private Svg() {
    }

    /** The smallest of 1, 2, 2.5, 5 or 10 times a power of ten that is at least {@code max} (1 for nothing). */
    public static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** A value for an axis or a tooltip: whole numbers as such, small ones with three decimals, others with one. */
    public static String label(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 1 ? "%.3f" : "%.1f", v);
    }

    /** A coordinate. */
    public static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Text safe inside an element or a single-quoted attribute. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
