package dev.aegis.vendor;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;

import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.time.LocalDate;
import java.util.Set;

/** Assessments to review: a questionnaire with a condition, scored choices and a file question, on a vendor with systems. */
public final class ReviewFixtures {

    private ReviewFixtures() {}

    /**
     * q1 yes/no (weight 2, no scores 20), q2 text shown on q1 = yes, q3 single choice (weight 3: never 100, opt-out 40,
     * always 0), q4 file (optional).
     */
    public static String template(String key) {
        return """
                {"format": "aegis-questionnaire/1", "key": "%s", "title": "Review %s", "description": null,
                 "sections": [{"id": "sec", "title": "Security", "questions": [
                   {"id": "q1", "type": "YES_NO", "text": "Do you encrypt prompts at rest?", "required": true, "weight": 2,
                    "options": [{"value": "yes", "label": "Yes", "score": 100}, {"value": "no", "label": "No", "score": 20}],
                    "showIf": null, "requirements": [{"framework": "ISO-IEC-42001-2023", "ref": "A.10.3"}]},
                   {"id": "q2", "type": "TEXT", "text": "Which key management do you use?", "required": true, "weight": 0,
                    "options": [], "showIf": {"question": "q1", "anyOf": ["yes"]}, "requirements": []}]},
                  {"id": "data", "title": "Data use", "questions": [
                   {"id": "q3", "type": "SINGLE_CHOICE", "text": "Is customer data used for training?", "required": true,
                    "weight": 3, "options": [{"value": "never", "label": "Never", "score": 100},
                      {"value": "opt-out", "label": "Unless the customer opts out", "score": 40},
                      {"value": "always", "label": "Always", "score": 0}],
                    "showIf": null, "requirements": [{"framework": "NIST-AI-RMF-1.0", "ref": "GOVERN 6.1"}]},
                   {"id": "q4", "type": "FILE", "text": "Attach your latest penetration test summary.", "required": false,
                    "weight": 0, "options": [], "showIf": null, "requirements": []}]}]}
                """.formatted(key, key);
    }

    public record Started(AegisUser manager, Vendor vendor, long systemA, long systemB, Assessment assessment) {}

    /**
     * Registers two AI systems (as a governance officer), then signs in a vendor manager who registers a vendor both
     * depend on and starts an assessment from the review template. The manager stays signed in.
     */
    public static Started start(
            TestAccounts accounts,
            AiSystemService systems,
            VendorService vendors,
            TemplateService templates,
            AssessmentService assessments) {
        String tag = Long.toString(System.nanoTime());
        TestAccounts.signIn(accounts.create("officer", Role.GOVERNANCE_OFFICER));
        long a = systems.register(diagnosisAssistant("Chat triage " + tag, "someone"))
                .getId();
        long b = systems.register(diagnosisAssistant("Claims summariser " + tag, "someone"))
                .getId();
        AegisUser manager = accounts.create("vm", Role.VENDOR_MANAGER);
        TestAccounts.signIn(manager);
        Vendor vendor = vendors.register(VendorFixtures.llmProvider("Reviewed " + tag, Set.of(a, b)));
        long template =
                templates.importJson(template("review-" + tag)).template().getId();
        Assessment assessment =
                assessments.start(vendor.getId(), template, LocalDate.now().plusDays(30));
        return new Started(manager, vendor, a, b, assessment);
    }
}
