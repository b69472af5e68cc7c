package dev.aegis.vendor;

import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.Actors;
import dev.aegis.vendor.VendorVocabulary.CertificationType;
import dev.aegis.vendor.VendorVocabulary.DpaStatus;
import dev.aegis.vendor.VendorVocabulary.Level;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Demo mode only (AEGIS_DEMO=true): the two vendors behind the demo systems, registered by the demo vendor manager —
 * the LLM provider behind the chatbot, whose assessment the vendor answered through the portal and the manager
 * approved, and the cloud ML platform hosting the in-house models, whose assessment the vendor is still answering.
 * Every step goes through the services and the portal as a real one would. Once only.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoVendors implements ApplicationRunner {

    static final String LLM_VENDOR = "Northwind Language Models";
    static final String PLATFORM_VENDOR = "Cirrus ML Platform";
    static final String TEMPLATE = "third-party-ai-llm-provider";
    private static final Logger log = LoggerFactory.getLogger(DemoVendors.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final VendorService vendors;
    private final AssessmentService assessments;
    private final PortalService portal;
    private final PortalEvidence portalFiles;
    private final TemplateService templates;
    private final AiSystemService systems;
    private final Clock clock;

    DemoVendors(
            VendorService vendors,
            AssessmentService assessments,
            PortalService portal,
            PortalEvidence portalFiles,
            TemplateService templates,
            AiSystemService systems,
            Clock clock) {
        this.vendors = vendors;
        this.assessments = assessments;
        this.portal = portal;
        this.portalFiles = portalFiles;
        this.templates = templates;
        this.systems = systems;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Actors.runAs("demo-vendor-manager", "VENDOR_MANAGER", () -> {
            if (vendors.count(new VendorService.Filter(LLM_VENDOR, null, null, null, null, null)) > 0) {
                return;
            }
            long template = templates.latest().stream()
                    .filter(t -> t.getKey().equals(TEMPLATE))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The bundled template " + TEMPLATE + " is missing"))
                    .getId();
            LocalDate today = LocalDate.now(clock);
            Vendor llm = vendors.register(new VendorDetails(
                    LLM_VENDOR,
                    "Hosted large language model API behind the customer chatbot",
                    Set.of("Northwind Chat API"),
                    List.of(new Contact("Dana Whitfield", "security@northwind-lm.example", null, "Trust and security")),
                    Level.HIGH,
                    Set.of("IE", "NL"),
                    Set.of("IE"),
                    Set.of("Cirrus ML Platform"),
                    DpaStatus.SIGNED,
                    today.minusMonths(5),
                    true,
                    false,
                    List.of(
                            new Certification(CertificationType.ISO_27001, today.plusMonths(8)),
                            new Certification(CertificationType.SOC_2, today.plusDays(45))),
                    systemIds("Vendor LLM chatbot"),
                    "Zero data retention agreed for the chatbot's traffic."));
            Vendor platform = vendors.register(new VendorDetails(
                    PLATFORM_VENDOR,
                    "Managed GPU training and model serving for the in-house models",
                    Set.of("Cirrus Serve"),
                    List.of(new Contact("Ravi Menon", "compliance@cirrus-ml.example", null, "Compliance")),
                    Level.CRITICAL,
                    Set.of("DE"),
                    Set.of("DE"),
                    Set.of(),
                    DpaStatus.DRAFT,
                    null,
                    true,
                    false,
                    List.of(new Certification(CertificationType.ISO_27001, today.plusYears(1))),
                    systemIds("Clinic diagnosis assistant", "Customer sentiment API"),
                    "Hosts the clinic assistant's model; contract renewal due next quarter."));
            approvedAssessment(llm, template, today);
            inProgressAssessment(platform, template, today);
            log.info("Demo mode: registered two vendors with an approved and an in-progress assessment");
        });
    }

    private void approvedAssessment(Vendor vendor, long template, LocalDate today) {
        Assessment a = assessments.start(vendor.getId(), template, today.plusDays(14));
        String token = assessments.issueLink(a.getId()).token();
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("ds-regions", text("fixed-eu-eea"));
        answers.put("ds-retention-days", JSON.numberNode(0));
        answers.put("ds-zero-retention", text("yes"));
        answers.put("ds-training-use", text("never"));
        answers.put("ms-injection", list("input-filtering", "output-validation", "red-teaming"));
        answers.put("ms-leakage", text("yes"));
        answers.put("ms-audit-trail", text("yes"));
        answers.put("ms-supply-chain", text("yes"));
        answers.put("co-dpa", text("gdpr-only"));
        answers.put("co-subprocessors", text("Cirrus ML Platform (hosting, Germany)"));
        answers.put("co-subprocessor-notice", text("yes"));
        answers.put("co-certifications", list("iso-27001", "soc-2"));
        answers.put("co-certificate-expiry", text(today.plusMonths(8).toString()));
        answers.put("op-model-updates", text("deprecation-window"));
        answers.put("op-change-notice-days", JSON.numberNode(90));
        answers.put("op-availability", text("999"));
        answers.put("op-downtime-history", text("One 40-minute outage in the last 12 months; post-mortem shared."));
        answers.put("poc-agreed", text("yes"));
        answerAll(token, answers);
        portalFiles.upload(
                token,
                "co-dpa-file",
                "northwind-dpa-signed.txt",
                new ByteArrayInputStream(
                        "Data processing agreement between the organisation and Northwind Language Models (demo).\n"
                                .getBytes(StandardCharsets.UTF_8)));
        portal.submit(token);
        Assessment submitted = assessments.get(a.getId());
        assessments.approve(
                a.getId(),
                submitted.getVersion(),
                "Approved for the chatbot: zero retention, EU "
                        + "processing, no training on our data. Re-check the SOC 2 report when it is renewed.");
    }

    private void inProgressAssessment(Vendor vendor, long template, LocalDate today) {
        Assessment a = assessments.start(vendor.getId(), template, today.plusDays(21));
        String token = assessments.issueLink(a.getId()).token();
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("ds-regions", text("customer-region"));
        answers.put("ds-retention-days", JSON.numberNode(30));
        answers.put("ds-zero-retention", text("no"));
        answers.put("ds-training-use", text("never"));
        answers.put("ms-injection", list("privilege-separation"));
        answerAll(token, answers);
    }

    private void answerAll(String token, Map<String, JsonNode> answers) {
        answers.forEach((question, value) -> portal.answer(token, question, value, null));
    }

    private Set<Long> systemIds(String... names) {
        return Set.of(names).stream()
                .map(name ->
                        systems
                                .search(new AiSystemService.Filter(name, null, null, null, null), PageRequest.of(0, 5))
                                .stream()
                                .filter(s -> s.getName().equals(name))
                                .findFirst())
                .flatMap(java.util.Optional::stream)
                .map(AiSystem::getId)
                .collect(Collectors.toSet());
    }

    private static JsonNode text(String value) {
        return JSON.stringNode(value);
    }

    private static JsonNode list(String... values) {
        var array = JSON.arrayNode();
        for (String v : values) {
            array.add(v);
        }
        return array;
    }
}
