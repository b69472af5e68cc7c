package dev.aegis.monitor;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One input a deployment's model takes. */
@Embeddable
public record Feature(
        @Column(name = "name") String name,
        @Enumerated(EnumType.STRING) @Column(name = "kind") Kind kind) {

    public enum Kind {
        NUMERIC,
        CATEGORICAL
    }

    @Override
    public String toString() {
        return name + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
