package dev.aegis.monitor;

/** Why an ingestion request as a whole was refused (the API turns each into its problem detail). */
public final class IngestProblems {

    private IngestProblems() {}

    /** Every ingestion slot stays taken: 429, retry after the given seconds. */
    public static final class Busy extends RuntimeException {
        private final int retryAfterSeconds;

        Busy(int retryAfterSeconds) {
            super(
                    "The monitor is taking in as many batches as it can; retry in " + retryAfterSeconds + " s.",
                    null,
                    false,
                    false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** More events than one request may carry: 413. */
    public static final class TooMany extends RuntimeException {
        TooMany(String message) {
            super(message);
        }
    }

    /** The body is no JSON event or batch: 400. */
    public static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }
}
