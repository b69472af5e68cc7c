package dev.aegis.vendor;

import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.time.LocalDate;
import java.util.Set;

/** Vendors with assessments for tests, made as a vendor manager (who stays signed in). */
final class AssessmentFixtures {

    private AssessmentFixtures() {}

    /** A questionnaire whose second, required question is shown only when the first is answered yes. */
    static String template(String key, String firstText) {
        return """
                {"format": "aegis-questionnaire/1", "key": "%s", "title": "Portal %s", "description": null,
                 "sections": [{"id": "s", "title": "Security", "questions": [
                   {"id": "q1", "type": "YES_NO", "text": "%s", "required": true, "weight": 2,
                    "options": [{"value": "yes", "label": "Yes", "score": 100}, {"value": "no", "label": "No", "score": 20}],
                    "showIf": null, "requirements": [{"framework": "ISO-IEC-42001-2023", "ref": "A.10.3"}]},
                   {"id": "q2", "type": "TEXT", "text": "Which keys?", "required": true, "weight": 0,
                    "options": [], "showIf": {"question": "q1", "anyOf": ["yes"]}, "requirements": []},
                   {"id": "q3", "type": "NUMBER", "text": "Outages last year?", "required": false, "weight": 0,
                    "options": [], "showIf": null, "requirements": [],
                    "help": "Count the incidents that made the service unavailable to customers."}]}]}
                """.formatted(key, key, firstText);
    }

    /**
     * A questionnaire with a required multiple choice whose last option ("None of these") is exclusive, a required
     * yes/no and an optional text.
     */
    static String defencesTemplate(String key) {
        return """
                {"format": "aegis-questionnaire/1", "key": "%s", "title": "Model security %s",
                 "description": "Tell us how the model you supply is protected.",
                 "sections": [{"id": "ms", "title": "Model security", "questions": [
                   {"id": "ms-injection", "type": "MULTIPLE_CHOICE", "required": true, "weight": 3,
                    "text": "Which defences against prompt injection are in place?",
                    "options": [{"value": "filtering", "label": "Input filtering and classification", "score": 30},
                      {"value": "privileges", "label": "Tool and data privileges separated from the model", "score": 30},
                      {"value": "validation", "label": "Output validation before actions are taken", "score": 20},
                      {"value": "red-teaming", "label": "Regular adversarial testing (red teaming)", "score": 20},
                      {"value": "none", "label": "None of these", "score": 0, "exclusive": true}],
                    "requirements": []},
                   {"id": "ms-leakage", "type": "YES_NO", "required": true, "weight": 2,
                    "text": "Is the model tested for leakage of training data and system prompts?",
                    "options": [{"value": "yes", "label": "Yes", "score": 100}, {"value": "no", "label": "No", "score": 0}],
                    "requirements": []},
                   {"id": "ms-notes", "type": "TEXT", "required": false, "weight": 0,
                    "text": "Anything else we should know?", "requirements": []}]}]}
                """.formatted(key, key);
    }

    record Started(Vendor vendor, QuestionnaireTemplate template, Assessment assessment) {}

    /** Signs in a new vendor manager, registers a vendor, writes a template and starts an assessment from it. */
    static Started start(
            TestAccounts accounts, VendorService vendors, TemplateService templates, AssessmentService assessments) {
        return start(
                accounts, vendors, templates, assessments, tag -> template("portal-" + tag, "Do you encrypt prompts?"));
    }

    /** The same with the questionnaire {@link #defencesTemplate}. */
    static Started startDefences(
            TestAccounts accounts, VendorService vendors, TemplateService templates, AssessmentService assessments) {
        return start(accounts, vendors, templates, assessments, tag -> defencesTemplate("defences-" + tag));
    }

    private static Started start(
            TestAccounts accounts,
            VendorService vendors,
            TemplateService templates,
            AssessmentService assessments,
            java.util.function.Function<String, String> templateFor) {
        TestAccounts.signIn(accounts.create("vm", Role.VENDOR_MANAGER));
        String tag = Long.toString(System.nanoTime());
        Vendor vendor = vendors.register(VendorFixtures.llmProvider("Assessed " + tag, Set.of()));
        QuestionnaireTemplate template =
                templates.importJson(templateFor.apply(tag)).template();
        Assessment assessment = assessments.start(
                vendor.getId(), template.getId(), LocalDate.now().plusDays(30));
        return new Started(vendor, template, assessment);
    }
}
