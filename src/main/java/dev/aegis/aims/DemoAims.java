package dev.aegis.aims;

import dev.aegis.aims.AimsContent.ContextAndScope;
import dev.aegis.aims.AimsContent.Exclusion;
import dev.aegis.aims.AimsContent.Party;
import dev.aegis.aims.AimsContent.PolicyText;
import dev.aegis.aims.AimsDocumentService.Details;
import dev.aegis.aims.AimsDocumentService.DocumentView;
import dev.aegis.aims.AimsDocumentService.SystemRef;
import dev.aegis.aims.AimsRoleService.Assignment;
import dev.aegis.aims.AimsVocabulary.AimsRole;
import dev.aegis.aims.AimsVocabulary.DocumentKind;
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
 * Demo mode only (AEGIS_DEMO=true): the AI management system's first records, each step done by the demo person who
 * would do it. The demo officer drafts the AI policy and the scope (naming the demo AI systems) and sends them for
 * review; the demo administrator, as the second pair of eyes, approves and publishes them; every demo person then
 * acknowledges the AI policy. The AIMS roles name top management, the AIMS manager, the internal auditor and a system
 * owner. Runs once, after the AI systems exist.
 */
@Component
@Order(65)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoAims implements ApplicationRunner {

    static final String AUTHOR = "demo-officer";
    static final String APPROVER = "demo-admin";
    private static final Logger log = LoggerFactory.getLogger(DemoAims.class);
    private static final List<String[]> READERS = List.of(
            new String[] {"demo-admin", "ADMIN"},
            new String[] {"demo-officer", "GOVERNANCE_OFFICER"},
            new String[] {"demo-auditor", "AUDITOR"},
            new String[] {"demo-vendor-manager", "VENDOR_MANAGER"},
            new String[] {"demo-owner", "SYSTEM_OWNER"});

    private final AimsDocumentService aims;
    private final AimsRoleService roles;
    private final Clock clock;

    DemoAims(AimsDocumentService aims, AimsRoleService roles, Clock clock) {
        this.aims = aims;
        this.roles = roles;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean[] done = {false};
        Actors.runAs(
                AUTHOR,
                "GOVERNANCE_OFFICER",
                () -> done[0] = !aims.list(List.of()).isEmpty());
        if (done[0]) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        DocumentView[] drafted = new DocumentView[2];
        Actors.runAs(AUTHOR, "GOVERNANCE_OFFICER", () -> {
            drafted[0] = aims.draftPolicy(
                    DocumentKind.AI_POLICY,
                    new Details("AI policy", AUTHOR, 5),
                    new PolicyText(POLICY, "Everyone who builds, buys or uses AI systems for the clinic group"));
            List<Long> systems =
                    aims.aiSystemChoices().stream().map(SystemRef::id).toList();
            drafted[1] = aims.draftScope(
                    new Details("AI management system scope", AUTHOR, 10),
                    new ContextAndScope(
                            List.of(
                                    "A small ML team maintains the in-house models beside clinical IT",
                                    "Patient data is held in one regional data centre"),
                            List.of(
                                    "EU AI Act: the diagnosis assistant is a high-risk system",
                                    "GDPR and national health-data law",
                                    "Vendors supply the LLM behind the customer chatbot"),
                            List.of(
                                    new Party("Patients", "Safe, explained diagnoses; their data used lawfully"),
                                    new Party("Clinicians", "Assistance they can overrule; clear limits of use"),
                                    new Party("Supervisory authority", "Conformity of high-risk AI; incident reports")),
                            "The AI management system covers every AI system the clinic group develops, buys or "
                                    + "embeds for patient care and customer service, across its clinics and head "
                                    + "office, from design to retirement.",
                            systems,
                            List.of("Clinical operations", "Customer service", "Data and AI platform team"),
                            List.of("Head office", "City clinic", "Regional data centre"),
                            List.of(new Exclusion(
                                    "University research collaboration",
                                    "Its models never reach patients; it runs under the university's own ethics "
                                            + "board and AIMS"))));
            for (DocumentView d : drafted) {
                aims.submit(d.id(), 1, d.latest().version());
            }
        });
        Actors.runAs(APPROVER, "ADMIN", () -> {
            for (DocumentView d : drafted) {
                DocumentView reviewed = aims.get(d.id());
                DocumentView approved =
                        aims.approve(d.id(), 1, reviewed.latest().version(), today, today.plusYears(1));
                aims.publish(d.id(), 1, approved.latest().version());
            }
            roles.assign(new Assignment(
                    AimsRole.TOP_MANAGEMENT,
                    "demo-admin",
                    "Sponsors the AIMS, approves the AI policy, chairs the management review",
                    today,
                    null));
            roles.assign(new Assignment(
                    AimsRole.AIMS_MANAGER,
                    "demo-officer",
                    "Runs the AIMS day to day: policies, risk register, Statement of Applicability, reporting",
                    today,
                    null));
            roles.assign(new Assignment(
                    AimsRole.INTERNAL_AUDITOR,
                    "demo-auditor",
                    "Plans and runs internal audits of the AIMS; reports to top management",
                    today,
                    null));
            roles.assign(new Assignment(
                    AimsRole.AI_SYSTEM_OWNER,
                    "demo-owner",
                    "Answers for the clinic's diagnosis assistant over its life cycle",
                    today,
                    null));
        });
        for (String[] reader : READERS) {
            Actors.runAs(reader[0], reader[1], () -> aims.acknowledge(drafted[0].id()));
        }
        log.info("Demo mode: published the AI policy and the AIMS scope, named the AIMS roles, policy acknowledged");
    }

    static final String POLICY = """
            1. Purpose. The clinic group uses AI to help clinicians and serve patients and customers better, never to \
            replace clinical judgement. This policy sets the principles every AI system we build, buy or use follows.

            2. Principles. Our AI is lawful, safe, fair, transparent and accountable: we assess each system's risks and \
            impacts before use and throughout its life; people can understand and contest decisions that affect them; \
            a named owner answers for every system.

            3. Commitments. We meet the EU AI Act, the GDPR and health-data law; we keep an AI system inventory, a risk \
            register and a Statement of Applicability; we monitor models in production and act on what we find; we \
            continually improve the AI management system (ISO/IEC 42001).

            4. Roles. Top management sponsors this policy; the AIMS manager runs the management system; system owners \
            answer for their systems; everyone reports AI concerns to the AIMS manager.

            5. Review. This policy is reviewed at least once a year and after any significant change.""";
}
