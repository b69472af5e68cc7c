package dev.aegis.monitor;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * The events a deployment's current traffic is compared with: a time range of its own traffic (e.g. the first week),
 * or a batch ingested and marked as reference (e.g. the validation data, sent with {@code ?reference=<batch>}).
 */
@Embeddable
public record ReferenceWindow(
        @Enumerated(EnumType.STRING) @Column(name = "reference_kind")
        Kind kind,

        @Column(name = "reference_from") Instant from,
        @Column(name = "reference_to") Instant to,
        @Column(name = "reference_batch") String batch) {

    public enum Kind {
        NONE,
        TIME_RANGE,
        BATCH
    }

    public static ReferenceWindow none() {
        return new ReferenceWindow(Kind.NONE, null, null, null);
    }

    public static ReferenceWindow timeRange(Instant from, Instant to) {
        return new ReferenceWindow(Kind.TIME_RANGE, from, to, null);
    }

    public static ReferenceWindow batch(String name) {
        return new ReferenceWindow(Kind.BATCH, null, null, name);
    }

    @Override
    public String toString() {
        return switch (kind == null ? Kind.NONE : kind) {
            case NONE -> "none";
            case TIME_RANGE -> dev.aegis.shared.Dates.minute(from) + " – " + dev.aegis.shared.Dates.minute(to);
            case BATCH -> "batch " + batch;
        };
    }
}
