package dev.aegis.monitor;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One of a deployment's own personal-data patterns: a name people read and a Java regular expression. */
@Embeddable
public record PersonalDataPattern(
        @Column(name = "name") String name,
        @Column(name = "regex") String regex) {

    @Override
    public String toString() {
        return name + " = " + regex;
    }
}
