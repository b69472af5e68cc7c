package dev.aegis.aims;

import dev.aegis.aims.AuditVocabulary.FindingKind;
import dev.aegis.aims.InternalAuditService.AuditView;
import dev.aegis.aims.InternalAuditService.FindingView;
import dev.aegis.aims.NonconformityService.ActionPlan;
import dev.aegis.aims.NonconformityService.NcView;
import dev.aegis.shared.Actors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (AEGIS_DEMO=true): the internal audit's nonconformity corrected. The demo officer raises it from the
 * audit finding, records containment and root cause and gives the demo system owner the corrective action; the owner
 * does it; the demo administrator — who owns no action — checks its effectiveness and closes it. The audit's
 * observation becomes an improvement opportunity with an action due within the week (so its owner is reminded).
 */
@Component
@Order(67)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoNonconformity implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoNonconformity.class);
    private final NonconformityService ncs;
    private final InternalAuditService audits;
    private final Clock clock;

    DemoNonconformity(NonconformityService ncs, InternalAuditService audits, Clock clock) {
        this.ncs = ncs;
        this.audits = audits;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean[] skip = {false};
        AuditView[] audit = {null};
        Actors.runAs("demo-officer", "GOVERNANCE_OFFICER", () -> {
            skip[0] = !ncs.list().isEmpty() || audits.list().isEmpty();
            if (!skip[0]) {
                audit[0] = audits.get(audits.list().getLast().id());
            }
        });
        if (skip[0]) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        FindingView nonconformity = audit[0].findings().stream()
                .filter(f -> f.kind() == FindingKind.NONCONFORMITY)
                .findFirst()
                .orElseThrow();
        FindingView observation = audit[0].findings().stream()
                .filter(f -> f.kind() == FindingKind.OBSERVATION)
                .findFirst()
                .orElseThrow();
        NcView[] nc = new NcView[2];
        Actors.runAs("demo-officer", "GOVERNANCE_OFFICER", () -> {
            NcView n = ncs.raiseFromAuditFinding(nonconformity.id(), "demo-officer");
            n = ncs.treat(
                    n.id(),
                    n.version(),
                    "Suggestions of the diagnosis assistant limited to the two physicians of the pilot until assessed",
                    "The go-live checklist for AI systems did not ask for an impact assessment; high-risk systems went"
                            + " live on the risk assessment alone");
            n = ncs.addAction(
                    n.id(),
                    new ActionPlan(
                            "Assess the diagnosis assistant's impacts on patients and clinicians (ISO/IEC 42005)",
                            "demo-owner",
                            today.plusDays(10)));
            n = ncs.addAction(
                    n.id(),
                    new ActionPlan(
                            "Add the impact assessment to the go-live checklist of every high-risk AI system",
                            "demo-officer",
                            today.plusDays(14)));
            nc[0] = n;
            NcView i = ncs.raiseFromAuditFinding(observation.id(), "demo-officer");
            nc[1] = ncs.addAction(
                    i.id(),
                    new ActionPlan(
                            "Print the version and effective date on every posted copy of a policy",
                            "demo-owner",
                            today.plusDays(5)));
        });
        Actors.runAs("demo-owner", "SYSTEM_OWNER", () -> {
            var a = nc[0].actions().stream()
                    .filter(x -> x.owner().equals("demo-owner"))
                    .findFirst()
                    .orElseThrow();
            nc[0] = ncs.actionDone(
                    nc[0].id(), a.id(), a.version(), "Impact assessment of the diagnosis assistant done");
        });
        Actors.runAs("demo-officer", "GOVERNANCE_OFFICER", () -> {
            var a = nc[0].actions().stream()
                    .filter(x -> x.owner().equals("demo-officer"))
                    .findFirst()
                    .orElseThrow();
            nc[0] = ncs.actionDone(nc[0].id(), a.id(), a.version(), "Checklist version 3 asks for it");
        });
        Actors.runAs(
                "demo-admin",
                "ADMIN",
                () -> ncs.checkEffectiveness(
                        nc[0].id(),
                        nc[0].version(),
                        true,
                        "The assessment is on file and the new go-live checklist was followed for the chatbot's last release"));
        log.info(
                "Demo mode: nonconformity {} corrected and closed, improvement {} open",
                nc[0].reference(),
                nc[1].reference());
    }
}
