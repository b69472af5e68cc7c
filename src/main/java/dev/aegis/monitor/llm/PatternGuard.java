package dev.aegis.monitor.llm;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Personal-data patterns people type in (a deployment's own, e.g. a patient number format) are regular expressions run
 * over every prompt and response; one written with repetition inside repetition ({@code (a+)+}) can take exponential
 * time on an unlucky text. So a pattern is checked before it is kept — bounded in length, compiled, and tried on
 * repetitive probe texts under a step budget — and every match runs under the same kind of budget, so a pattern that
 * slipped through costs a bounded amount of work per text and is then skipped for that text.
 */
public final class PatternGuard {

    /** The longest pattern kept. */
    public static final int MAX_LENGTH = 200;

    /** The longest name of a pattern. */
    public static final int MAX_NAME = 60;

    /** Character reads a match may make per character of the text, plus a fixed allowance. */
    static final long STEPS_PER_CHAR = 64;

    static final long STEPS_BASE = 20_000;

    /** Texts that make badly nested repetition backtrack: long runs of one kind of character and a spoiler. */
    private static final String[] PROBES = {
        "a".repeat(3_000) + "!",
        "1".repeat(3_000) + "x",
        "word ".repeat(600) + "!",
        "a1-".repeat(1_000) + "#",
        " ".repeat(3_000) + "x",
        "A".repeat(3_000) + "!"
    };

    private PatternGuard() {}

    /** Why a pattern was refused, in words for the field that holds it. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The pattern compiled, or {@link Refused} saying what is wrong with it. */
    public static Pattern check(String regex) {
        if (regex == null || regex.isBlank()) {
            throw new Refused("Give the pattern as a regular expression, e.g. \\bPAT-\\d{6}\\b.");
        }
        if (regex.length() > MAX_LENGTH) {
            throw new Refused(
                    "A pattern has at most " + MAX_LENGTH + " characters (this one has " + regex.length() + ").");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new Refused("This is no regular expression: " + e.getDescription() + " near position "
                    + Math.max(0, e.getIndex()) + ".");
        }
        if (pattern.matcher("").matches()) {
            throw new Refused("This pattern matches empty text, so it would flag every prompt: make it require at least"
                    + " one character.");
        }
        for (String probe : PROBES) {
            if (find(pattern, probe) == null) {
                throw new Refused("This pattern takes too long on repetitive text (repetition inside repetition such"
                        + " as (a+a+)+ backtracks for ever): write it without a repeated group that itself"
                        + " repeats.");
            }
        }
        return pattern;
    }

    /**
     * Whether the pattern occurs in the text: true or false, or null when the match ran out of its step budget
     * (proportional to the text's length) and was given up.
     */
    public static Boolean find(Pattern pattern, String text) {
        try {
            return pattern.matcher(new Budgeted(text, STEPS_BASE + STEPS_PER_CHAR * text.length()))
                    .find();
        } catch (Exhausted e) {
            return null;
        }
    }

    private static final class Exhausted extends RuntimeException {
        Exhausted() {
            super(null, null, false, false);
        }
    }

    /** A text whose every character read counts against one budget shared with its sub-sequences. */
    private static final class Budgeted implements CharSequence {
        private final String text;
        private final long[] left;

        Budgeted(String text, long budget) {
            this(text, new long[] {budget});
        }

        private Budgeted(String text, long[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
