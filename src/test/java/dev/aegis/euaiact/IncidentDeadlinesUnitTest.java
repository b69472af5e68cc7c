package dev.aegis.euaiact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.euaiact.IncidentDeadlines.Kind;
import dev.aegis.euaiact.IncidentDeadlines.Standing;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IncidentDeadlinesUnitTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void a_serious_harm_to_health_is_reported_within_fifteen_calendar_days_weekends_included() {
        // Friday 2026-12-04 16:00 in Berlin; two weekends fall within the period and count
        assertThat(IncidentDeadlines.deadline(Kind.SERIOUS_HARM_TO_HEALTH, false, berlin("2026-12-04T16:00"), BERLIN))
                .contains(berlin("2026-12-19T16:00"));
    }

    @Test
    void a_death_is_reported_within_ten_days() {
        assertThat(IncidentDeadlines.deadline(Kind.DEATH, false, berlin("2026-12-04T16:00"), BERLIN))
                .contains(berlin("2026-12-14T16:00"));
    }

    @Test
    void a_disruption_of_critical_infrastructure_is_reported_within_two_days_even_over_a_weekend() {
        // Saturday morning: Monday morning, not the next working day after
        assertThat(IncidentDeadlines.deadline(Kind.CRITICAL_INFRASTRUCTURE, false, berlin("2026-12-05T09:30"), BERLIN))
                .contains(berlin("2026-12-07T09:30"));
    }

    @Test
    void a_widespread_infringement_takes_the_two_day_period_whatever_its_kind() {
        assertThat(IncidentDeadlines.days(Kind.FUNDAMENTAL_RIGHTS, true)).contains(2);
        assertThat(IncidentDeadlines.days(Kind.FUNDAMENTAL_RIGHTS, false)).contains(15);
        assertThat(IncidentDeadlines.days(Kind.DEATH, true)).contains(2);
        assertThat(IncidentDeadlines.days(Kind.PROPERTY_OR_ENVIRONMENT, false)).contains(15);
    }

    @Test
    void an_incident_that_is_not_serious_has_no_deadline() {
        assertThat(IncidentDeadlines.deadline(Kind.NOT_SERIOUS, true, Instant.EPOCH, ZoneOffset.UTC))
                .isEmpty();
        assertThat(IncidentDeadlines.standing(null, null, false, Instant.EPOCH)).isEqualTo(Standing.NOT_REPORTABLE);
    }

    @Test
    void across_the_end_of_summer_time_the_deadline_keeps_its_wall_clock_hour() {
        // 2026-10-20 10:00 CEST (UTC+2) + 15 days = 2026-11-04 10:00 CET (UTC+1): 15 days and one hour in UTC
        Instant aware = berlin("2026-10-20T10:00");
        Instant deadline = IncidentDeadlines.deadline(Kind.SERIOUS_HARM_TO_HEALTH, false, aware, BERLIN)
                .orElseThrow();
        assertThat(deadline).isEqualTo(Instant.parse("2026-11-04T09:00:00Z"));
        assertThat(Duration.between(aware, deadline))
                .isEqualTo(Duration.ofDays(15).plusHours(1));
    }

    @Test
    void across_the_start_of_summer_time_a_two_day_deadline_is_one_hour_shorter() {
        Instant aware = berlin("2026-03-28T12:00");
        Instant deadline = IncidentDeadlines.deadline(Kind.CRITICAL_INFRASTRUCTURE, false, aware, BERLIN)
                .orElseThrow();
        assertThat(deadline).isEqualTo(berlin("2026-03-30T12:00"));
        assertThat(Duration.between(aware, deadline)).isEqualTo(Duration.ofHours(47));
    }

    @Test
    void the_same_instant_given_in_another_zone_ends_at_that_zones_wall_clock_time() {
        Instant aware = Instant.parse("2026-12-04T23:30:00Z"); // already Saturday in Tokyo
        assertThat(IncidentDeadlines.deadline(Kind.DEATH, false, aware, ZoneId.of("Asia/Tokyo")))
                .contains(Instant.parse("2026-12-14T23:30:00Z"));
    }

    @Test
    void an_open_incident_is_due_soon_within_three_days_and_overdue_after_its_deadline() {
        Instant deadline = Instant.parse("2026-12-10T12:00:00Z");
        assertThat(IncidentDeadlines.standing(deadline, null, false, Instant.parse("2026-12-05T12:00:00Z")))
                .isEqualTo(Standing.ON_TIME);
        assertThat(IncidentDeadlines.standing(deadline, null, false, Instant.parse("2026-12-07T12:00:00Z")))
                .isEqualTo(Standing.DUE_SOON);
        assertThat(IncidentDeadlines.standing(deadline, null, false, Instant.parse("2026-12-10T12:00:01Z")))
                .isEqualTo(Standing.OVERDUE);
        assertThat(Standing.OVERDUE.loud()).isTrue();
    }

    @Test
    void a_report_after_the_deadline_stays_reported_late() {
        Instant deadline = Instant.parse("2026-12-10T12:00:00Z");
        assertThat(IncidentDeadlines.standing(deadline, Instant.parse("2026-12-10T11:00:00Z"), false, deadline))
                .isEqualTo(Standing.REPORTED);
        assertThat(IncidentDeadlines.standing(
                        deadline, Instant.parse("2026-12-11T11:00:00Z"), false, Instant.parse("2026-12-20T00:00:00Z")))
                .isEqualTo(Standing.REPORTED_LATE);
    }

    @Test
    void the_countdown_speaks_in_days_and_hours() {
        Instant deadline = Instant.parse("2026-12-10T12:00:00Z");
        assertThat(IncidentDeadlines.countdown(deadline, Instant.parse("2026-12-08T08:00:00Z")))
                .isEqualTo("2 days 4 hours left");
        assertThat(IncidentDeadlines.countdown(deadline, Instant.parse("2026-12-11T13:00:00Z")))
                .isEqualTo("overdue by 1 day 1 hour");
        assertThat(IncidentDeadlines.countdown(deadline, Instant.parse("2026-12-10T11:45:00Z")))
                .isEqualTo("15 minutes left");
    }
}
