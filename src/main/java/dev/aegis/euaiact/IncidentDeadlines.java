package dev.aegis.euaiact;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The reporting deadlines of Art. 73(2)–(4), counted in calendar days from the moment the organisation became aware
 * of a serious incident (weekends and holidays count): the deadline falls at the same wall-clock time, in the zone
 * the awareness was given in, N days later (so across a change to or from summer time it is 23 or 25 hours per day
 * rather than a shifted hour). Pure: no clock, no database.
 */
public final class IncidentDeadlines {

    /** Art. 73(2): not later than 15 days after awareness. */
    public static final int GENERAL_DAYS = 15;
    /** Art. 73(3): a widespread infringement or a serious incident under Art. 3(49)(b): 2 days. */
    public static final int URGENT_DAYS = 2;
    /** Art. 73(4): the death of a person: 10 days. */
    public static final int DEATH_DAYS = 10;
    /** An open incident whose deadline is this close is due soon (every 2-day deadline is, from the start). */
    public static final Duration DUE_SOON = Duration.ofDays(3);

    private IncidentDeadlines() {}

    /** The kinds of serious incident of Art. 3(49), and incidents that are not serious (recorded, never reported). */
    public enum Kind {
        DEATH("Death of a person", "Art. 3(49)(a), 73(4)"),
        SERIOUS_HARM_TO_HEALTH("Serious harm to a person's health", "Art. 3(49)(a), 73(2)"),
        CRITICAL_INFRASTRUCTURE(
                "Serious and irreversible disruption of the management or operation of critical infrastructure",
                "Art. 3(49)(b), 73(3)"),
        FUNDAMENTAL_RIGHTS(
                "Infringement of obligations under Union law intended to protect fundamental rights",
                "Art. 3(49)(c), 73(2)"),
        PROPERTY_OR_ENVIRONMENT("Serious harm to property or the environment", "Art. 3(49)(d), 73(2)"),
        NOT_SERIOUS("An AI incident that is not serious (no report to the authority)", "NIST AI RMF MANAGE 4.3");

        private final String label;
        private final String provision;

        Kind(String label, String provision) {
            this.label = label;
            this.provision = provision;
        }

        public String label() {
            return label;
        }

        public String provision() {
            return provision;
        }

        public boolean serious() {
            return this != NOT_SERIOUS;
        }
    }

    /** How many days Art. 73 allows; empty for an incident that is not serious. The shortest applicable period wins. */
    public static Optional<Integer> days(Kind kind, boolean widespread) {
        if (kind == null || !kind.serious()) {
            return Optional.empty();
        }
        if (widespread || kind == Kind.CRITICAL_INFRASTRUCTURE) {
            return Optional.of(URGENT_DAYS);
        }
        return Optional.of(kind == Kind.DEATH ? DEATH_DAYS : GENERAL_DAYS);
    }

    /** The latest moment the report may reach the market surveillance authority; empty when none is due. */
    public static Optional<Instant> deadline(Kind kind, boolean widespread, Instant awareAt, ZoneId zone) {
        return days(kind, widespread).map(d -> awareAt.atZone(zone).plusDays(d).toInstant());
    }

    /** Where an incident stands against its deadline at {@code now}. */
    public enum Standing {
        NOT_REPORTABLE("No report due"),
        ON_TIME("Report due"),
        DUE_SOON("Report due soon"),
        OVERDUE("Report overdue"),
        REPORTED("Reported on time"),
        REPORTED_LATE("Reported late"),
        CLOSED("Closed");

        private final String label;

        Standing(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Shown loudly: overdue, or due within {@link #DUE_SOON}. */
        public boolean loud() {
            return this == OVERDUE || this == DUE_SOON;
        }
    }

    public static Standing standing(Instant deadline, Instant reportedAt, boolean closed, Instant now) {
        if (deadline == null) {
            return closed ? Standing.CLOSED : Standing.NOT_REPORTABLE;
        }
        if (reportedAt != null) {
            return closed ? Standing.CLOSED : reportedAt.isAfter(deadline) ? Standing.REPORTED_LATE : Standing.REPORTED;
        }
        if (now.isAfter(deadline)) {
            return Standing.OVERDUE;
        }
        if (closed) {
            return Standing.CLOSED;
        }
        return Duration.between(now, deadline).compareTo(DUE_SOON) <= 0 ? Standing.DUE_SOON : Standing.ON_TIME;
    }

    /** "2 days 4 hours left", "overdue by 1 day 3 hours", "5 hours left": a countdown in words. */
    public static String countdown(Instant deadline, Instant now) {
        Duration left = Duration.between(now, deadline);
        String span = span(left.abs());
        return left.isNegative() ? "overdue by " + span : span + " left";
    }

    static String span(Duration d) {
        long days = d.toDays();
        long hours = d.minusDays(days).toHours();
        if (days == 0 && hours == 0) {
            long minutes = Math.max(1, d.toMinutes());
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        String out = days == 0 ? "" : days + (days == 1 ? " day" : " days");
        if (hours > 0) {
            out += (out.isEmpty() ? "" : " ") + hours + (hours == 1 ? " hour" : " hours");
        }
        return out;
    }
}
