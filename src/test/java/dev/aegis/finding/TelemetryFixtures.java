package dev.aegis.finding;

import dev.aegis.finding.FindingFixtures.Governed;
import dev.aegis.security.AegisUser;
import dev.aegis.telemetry.TelemetryEvents.Outcome;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** For tests outside this package (screens): a governed system whose drift test has failed once. */
@Component
public class TelemetryFixtures {

    private final FindingFixtures fixtures;
    private final Findings findings;

    TelemetryFixtures(FindingFixtures fixtures, Findings findings) {
        this.fixtures = fixtures;
        this.findings = findings;
    }

    public record Breached(
            AegisUser owner, AegisUser officer, long systemId, long controlId, long riskId, long findingId) {}

    public Breached breached(String name, Instant at) {
        Governed g = fixtures.governed(name);
        fixtures.publish(fixtures.result(g, FindingFixtures.nextId(), Outcome.FAILED, 0.3, at));
        long id = findings.findByCause("test:" + g.testId()).orElseThrow().getId();
        return new Breached(g.owner(), g.officer(), g.systemId(), g.controlId(), g.riskId(), id);
    }
}
