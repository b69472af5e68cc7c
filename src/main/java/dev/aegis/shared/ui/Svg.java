package dev.aegis.shared.ui;

import java.util.Locale;

/**
 * The small pieces every server-rendered SVG chart of Aegis needs (the monitor's and the findings register's): a
 * rounded axis maximum, readable numbers, coordinates and escaped text.
 */
public final class Svg {

    private Svg() {}

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

    /**
     * The ticks of a value axis from zero: at most {@code most + 1} round values (steps of 1, 2, 2.5 or 5 times a power
     * of ten) whose last is at least {@code max}. For counts ({@code whole}) the step is a whole number, so an axis of
     * one or two events reads 0, 1, 2, never 0.250 or 0.500.
     */
    public static double[] ticks(double max, int most, boolean whole) {
        double target = max <= 0 ? 1 : max;
        double step = niceCeiling(target / Math.max(1, most));
        if (whole && step < 1) {
            step = 1;
        } else if (whole && step != Math.rint(step)) { // 2.5: 2 when enough, else 5
            step = Math.floor(step) * Math.max(1, most) >= target ? Math.floor(step) : Math.ceil(step / 5) * 5;
        }
        int n = (int) Math.ceil(target / step - 1e-9);
        double[] ticks = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            ticks[i] = step * i;
        }
        return ticks;
    }

    /** A tick's label with as many decimals as its step needs: 0.25 and 0.5 as such, whole numbers without. */
    public static String tick(double v, double step) {
        if (step >= 1 && v == Math.rint(v)) {
            return String.valueOf((long) v);
        }
        int decimals = 0;
        while (decimals < 6
                && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-9) {
            decimals++;
        }
        return new java.math.BigDecimal(v)
                .setScale(decimals, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /**
     * Every how many slots a label can be drawn without touching its neighbours: labels about {@code labelWidth} wide
     * on slots {@code slotWidth} apart (1 = every slot).
     */
    public static int every(double slotWidth, double labelWidth) {
        if (slotWidth <= 0) {
            return Integer.MAX_VALUE;
        }
        return Math.max(1, (int) Math.ceil(labelWidth / slotWidth));
    }

    /** About how wide a chart label of {@code chars} characters is, in the charts' 11 px label font. */
    public static double labelWidth(int chars) {
        return chars * 6.5 + 8;
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
