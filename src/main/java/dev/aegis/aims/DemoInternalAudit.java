package dev.aegis.aims;

import dev.aegis.aims.AimsVocabulary.AimsRole;
import dev.aegis.aims.AuditVocabulary.CheckResult;
import dev.aegis.aims.AuditVocabulary.FindingKind;
import dev.aegis.aims.InternalAuditService.AuditView;
import dev.aegis.aims.InternalAuditService.Check;
import dev.aegis.aims.InternalAuditService.Named;
import dev.aegis.aims.InternalAuditService.Plan;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.shared.Actors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (AEGIS_DEMO=true): one internal audit of the AIMS, completed. The demo officer plans it (the diagnosis
 * assistant and the AIMS manager's area in scope, four ISO/IEC 42001 requirements as criteria) with the demo auditor,
 * who runs it: a nonconformity (no impact assessment of the diagnosis assistant), an observation, and a conclusion.
 * Runs once, after the AIMS roles exist.
 */
@Component
@Order(66)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoInternalAudit implements ApplicationRunner {

    static final String OFFICER = "demo-officer";
    static final String AUDITOR = "demo-auditor";
    private static final Logger log = LoggerFactory.getLogger(DemoInternalAudit.class);

    private final InternalAuditService audits;
    private final Clock clock;

    DemoInternalAudit(InternalAuditService audits, Clock clock) {
        this.audits = audits;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean[] done = {false};
        Actors.runAs(
                OFFICER, "GOVERNANCE_OFFICER", () -> done[0] = !audits.list().isEmpty());
        if (done[0]) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        AuditView[] audit = new AuditView[1];
        Actors.runAs(OFFICER, "GOVERNANCE_OFFICER", () -> {
            List<Long> clinic = audits.systemChoices().stream()
                    .filter(s -> s.name().toLowerCase(java.util.Locale.ROOT).contains("diagnos"))
                    .map(Named::key)
                    .map(Long::valueOf)
                    .limit(1)
                    .toList();
            AuditView planned = audits.plan(new Plan(
                    "AIMS internal audit 2026",
                    "The AI management system at head office and the city clinic: the AI policy and its"
                            + " communication, impact assessment of high-risk systems, control of documented"
                            + " information and the audit programme itself; records of the last twelve months.",
                    clinic,
                    List.of(AimsRole.AIMS_MANAGER),
                    List.of(AUDITOR),
                    today.minusDays(3),
                    today.minusDays(2)));
            Map<String, Long> ids = audits.requirementChoices(AimsCoverage.ISO).stream()
                    .collect(java.util.stream.Collectors.toMap(
                            RequirementSummary::refId, RequirementSummary::id, (a, b) -> a));
            audit[0] = audits.addCriteria(
                    planned.id(),
                    planned.version(),
                    List.of(ids.get("5.2"), ids.get("6.1.4"), ids.get("7.5.3"), ids.get("9.2.2")));
        });
        Actors.runAs(AUDITOR, "AUDITOR", () -> {
            AuditView a = audits.start(audit[0].id(), audit[0].version());
            Map<String, Object[]> results = Map.of(
                    "5.2", new Object[] {CheckResult.CONFORMS, "AI policy POL-001 published and acknowledged by staff"},
                    "6.1.4",
                            new Object[] {CheckResult.NONCONFORMITY, "No impact assessment of the diagnosis assistant"},
                    "7.5.3", new Object[] {CheckResult.OBSERVATION, "Retention set, but the intranet shows no version"},
                    "9.2.2",
                            new Object[] {CheckResult.CONFORMS, "Programme kept in Aegis; auditor independent of areas"
                            });
            for (Check c : a.checklist()) {
                Object[] r = results.get(c.refId());
                a = audits.recordCheck(a.id(), c.id(), c.version(), (CheckResult) r[0], (String) r[1]);
            }
            Check impact = a.checklist().stream()
                    .filter(c -> c.refId().equals("6.1.4"))
                    .findFirst()
                    .orElseThrow();
            Check control = a.checklist().stream()
                    .filter(c -> c.refId().equals("7.5.3"))
                    .findFirst()
                    .orElseThrow();
            audits.raiseFinding(
                    a.id(),
                    impact.id(),
                    FindingKind.NONCONFORMITY,
                    "The diagnosis assistant, a high-risk system in production, has no AI system impact assessment:"
                            + " impacts on patients were never assessed as 6.1.4 requires.",
                    "Inventory entry of the diagnosis assistant; interview with the AIMS manager on the audit's"
                            + " first day");
            audits.raiseFinding(
                    a.id(),
                    control.id(),
                    FindingKind.OBSERVATION,
                    "Printed copies of the AI policy on the clinic notice board carry no version number.",
                    "City clinic walk-through");
            a = audits.get(a.id());
            audits.complete(
                    a.id(),
                    a.version(),
                    "The AIMS is established and largely effective. One nonconformity: the high-risk diagnosis"
                            + " assistant lacks an impact assessment; a corrective action is needed before the"
                            + " certification audit. One observation on versioning of printed policies.");
        });
        log.info("Demo mode: internal audit {} completed with a nonconformity", audit[0].reference());
    }
}
