package dev.aegis.aims;

import dev.aegis.aims.ManagementReviewService.Meeting;
import dev.aegis.aims.ManagementReviewService.ReviewView;
import dev.aegis.shared.Actors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (AEGIS_DEMO=true): one management review, held today and chaired by the demo administrator (top
 * management), its inputs assembled by Aegis (the internal audit, the corrected nonconformity, telemetry findings,
 * risks), with two decisions and an action. Runs once, after the internal audit and the nonconformities.
 */
@Component
@Order(68)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoManagementReview implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoManagementReview.class);
    private final ManagementReviewService reviews;
    private final Clock clock;

    DemoManagementReview(ManagementReviewService reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Actors.runAs("demo-officer", "GOVERNANCE_OFFICER", () -> {
            if (!reviews.list().isEmpty()) {
                return;
            }
            ReviewView r = reviews.plan(new Meeting(
                    "Management review " + today.getYear(),
                    today,
                    "demo-admin",
                    List.of("demo-admin", "demo-auditor", "demo-officer", "demo-owner")));
            reviews.addOutput(
                    r.id(), false, "The AI policy stays as published; no change needed this year.", null, null);
            reviews.addOutput(
                    r.id(),
                    false,
                    "Every high-risk AI system gets an impact assessment before go-live (from the corrected"
                            + " nonconformity NC-001).",
                    null,
                    null);
            r = reviews.addOutput(
                    r.id(),
                    true,
                    "Plan next year's internal audit programme, covering the vendor-hosted chatbot",
                    "demo-officer",
                    today.plusMonths(2));
            reviews.hold(
                    r.id(),
                    r.version(),
                    "Top management reviewed the AIMS with the inputs below. The internal audit AUD-001 found the"
                            + " AIMS largely effective; its nonconformity was corrected and closed. The failed drift"
                            + " window of the diagnosis assistant was discussed: monitoring works as intended. The"
                            + " AIMS remains suitable, adequate and effective; resources stay as planned.");
            log.info("Demo mode: management review {} held", r.reference());
        });
    }
}
