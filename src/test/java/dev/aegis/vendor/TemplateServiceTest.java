package dev.aegis.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.vendor.Questionnaire.Question;
import dev.aegis.vendor.Questionnaire.QuestionType;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@AegisTest
class TemplateServiceTest {

    static final String LLM = "third-party-ai-llm-provider";

    @Autowired
    TemplateService service;

    @Autowired
    TestAccounts accounts;

    @LocalServerPort
    int port;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void the_llm_provider_template_is_installed_with_its_five_sections_and_real_requirements() {
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        QuestionnaireTemplate template = service.versions(LLM).getLast();
        Questionnaire q = service.questionnaire(template.getId());
        assertThat(q.title()).isEqualTo("Third-party AI / LLM provider assessment");
        assertThat(q.sections())
                .extracting(Questionnaire.Section::id)
                .containsExactly("data-sovereignty", "model-security", "compliance", "operational-risk", "sandbox-poc");
        assertThat(q.questions())
                .flatExtracting(Question::requirements)
                .extracting(Object::toString)
                .contains(
                        "ISO-IEC-42001-2023 A.10.3",
                        "NIST-AI-RMF-1.0 GOVERN 6.1",
                        "NIST-AI-RMF-1.0 MAP 4.1",
                        "OWASP-LLM-TOP10-2025 LLM03:2025");
        assertThat(q.questions()).extracting(Question::type).contains(QuestionType.values());
        assertThat(q.questions()).filteredOn(x -> x.showIf() != null).isNotEmpty();
    }

    @Test
    void a_changed_template_is_a_new_version_and_the_old_version_keeps_its_questions() {
        TestAccounts.signIn(accounts.create("vm", Role.VENDOR_MANAGER));
        String key = "versioned-" + System.nanoTime();
        TemplateService.Saved first = service.importJson(template(key, "Do you encrypt prompts at rest?"));
        assertThat(first.written()).isTrue();
        assertThat(first.template().getVersion()).isEqualTo(1);

        TemplateService.Saved same = service.importJson(template(key, "Do you encrypt prompts at rest?"));
        assertThat(same.written()).isFalse();
        assertThat(same.template().getId()).isEqualTo(first.template().getId());

        TemplateService.Saved second = service.importJson(template(key, "Do you encrypt prompts and responses?"));
        assertThat(second.template().getVersion()).isEqualTo(2);
        assertThat(service.questionnaire(first.template().getId())
                        .questions()
                        .getFirst()
                        .text())
                .isEqualTo("Do you encrypt prompts at rest?");
        assertThat(service.versions(key))
                .extracting(QuestionnaireTemplate::getVersion)
                .containsExactly(2, 1);
    }

    @Test
    void a_bundled_template_does_not_overwrite_a_later_edit_at_the_next_start() {
        TestAccounts.signIn(accounts.create("vm", Role.VENDOR_MANAGER));
        String key = "bundled-" + System.nanoTime();
        String shipped = template(key, "Shipped question?");
        assertThat(service.installBundled(shipped).written()).isTrue();
        service.importJson(template(key, "Edited question?"));
        assertThat(service.installBundled(shipped).written()).isFalse();
        assertThat(service.versions(key))
                .extracting(QuestionnaireTemplate::getVersion)
                .containsExactly(2, 1);
    }

    @Test
    void unknown_requirements_and_conditions_on_later_questions_are_refused() {
        TestAccounts.signIn(accounts.create("vm", Role.VENDOR_MANAGER));
        String key = "broken-" + System.nanoTime();
        assertThatThrownBy(() -> service.importJson(template(key, "Q").replace("A.10.3", "A.99.9")))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("no requirement ISO-IEC-42001-2023 A.99.9");
        assertThatThrownBy(() -> service.importJson(template(key, "Q")
                        .replace("\"showIf\": null", "\"showIf\": {\"question\": \"q2\", \"anyOf\": [\"yes\"]}")))
                .hasMessageContaining("earlier yes/no or choice question");
        assertThatThrownBy(() -> service.importJson("{\"format\": \"aegis-questionnaire/1\", \"colour\": 1}"))
                .hasMessageContaining("not a questionnaire");
    }

    @Test
    void an_option_is_exclusive_only_in_a_multiple_choice_and_the_bundled_none_of_these_is() {
        TestAccounts.signIn(accounts.create("vm", Role.VENDOR_MANAGER));
        String key = "exclusive-" + System.nanoTime();
        assertThatThrownBy(() -> service.importJson(template(key, "Q")
                        .replace(
                                "\"label\": \"No\", \"score\": 0}",
                                "\"label\": \"No\", \"score\": 0, \"exclusive\": true}")))
                .hasMessageContaining("option no can be exclusive only in a multiple choice");

        Questionnaire bundled =
                service.questionnaire(service.versions(LLM).getFirst().getId());
        Question defences = bundled.questions().stream()
                .filter(q -> q.id().equals("ms-injection"))
                .findFirst()
                .orElseThrow();
        assertThat(defences.options())
                .filteredOn(Questionnaire.Option::excludesOthers)
                .extracting(Questionnaire.Option::label)
                .containsExactly("None of these");
        assertThat(service.export(service.versions(LLM).getFirst().getId())).contains("\"exclusive\"");
    }

    @Test
    void a_template_exported_over_http_imports_elsewhere_unchanged_and_readers_may_not_import() {
        String manager = accounts.tokenFor(accounts.create("vm", Role.VENDOR_MANAGER));
        String key = "http-" + System.nanoTime();
        Http http = new Http(port);
        HttpResponse<String> created = http.post("/api/v1/vendor-templates", manager, template(key, "Q?"));
        assertThat(created.statusCode()).isEqualTo(201);
        long id = Http.json(created).path("id").asLong();
        String exported = http.get("/api/v1/vendor-templates/" + id, manager).body();
        HttpResponse<String> again = http.post("/api/v1/vendor-templates", manager, exported);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Http.json(again).path("version").asInt()).isEqualTo(1);
        assertThat(http.get("/api/v1/vendor-templates?key=" + key, manager).body())
                .contains("\"version\":1");

        String auditor = accounts.tokenFor(accounts.create("auditor", Role.AUDITOR));
        assertThat(http.post("/api/v1/vendor-templates", auditor, template(key + "x", "Q?"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/vendor-templates", manager, "{\"format\": 1")
                        .statusCode())
                .isIn(400, 422);
    }

    static String template(String key, String text) {
        return """
                {"format": "aegis-questionnaire/1", "key": "%s", "title": "Test %s", "description": null,
                 "sections": [{"id": "s", "title": "Security", "questions": [
                   {"id": "q1", "type": "YES_NO", "text": "%s", "required": true, "weight": 2,
                    "options": [{"value": "yes", "label": "Yes", "score": 100}, {"value": "no", "label": "No", "score": 0}],
                    "showIf": null, "requirements": [{"framework": "ISO-IEC-42001-2023", "ref": "A.10.3"}]},
                   {"id": "q2", "type": "TEXT", "text": "Which keys?", "required": false, "weight": 0,
                    "options": [], "showIf": {"question": "q1", "anyOf": ["yes"]}, "requirements": []}]}]}
                """.formatted(key, key, text);
    }
}
