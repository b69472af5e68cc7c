package dev.aegis.aims.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.aims.AimsDocumentService;
import dev.aegis.aims.AimsVocabulary.DocumentKind;
import dev.aegis.aims.AimsVocabulary.VersionStatus;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class AimsViewsTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AimsDocumentService aims;

    @AfterEach
    void close() {
        Karibu.close();
        // leave nothing in force for the other AIMS tests
        TestAccounts.signIn(accounts.create("cleaner", Role.GOVERNANCE_OFFICER));
        for (var s : aims.list(List.of())) {
            if (s.inForceNumber() != null || s.latestStatus().isOpen()) {
                aims.withdraw(s.id(), "Test over");
            }
        }
        TestAccounts.signOut();
    }

    static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    @Test
    void a_policy_is_drafted_approved_by_a_second_officer_published_and_acknowledged_on_the_screens() {
        AegisUser author = accounts.create("author", Role.GOVERNANCE_OFFICER);
        AegisUser approver = accounts.create("approver", Role.GOVERNANCE_OFFICER);
        AegisUser owner = accounts.create("owner", Role.SYSTEM_OWNER);

        Karibu.signInAndOpen(context, author);
        UI.getCurrent().navigate(PoliciesView.class);
        PoliciesView policies = _get(PoliciesView.class);
        assertThat(policies.empty.getText()).startsWith("No policy yet. Start with the AI policy");
        _click(policies.create);
        Karibu.setValue(policies.details.owner, author.getUsername());
        _click(policies.save);
        assertThat(policies.text.isInvalid())
                .as("the text is required, said at the field")
                .isTrue();
        assertThat(policies.text.getErrorMessage()).isEqualTo("Write the policy's text.");
        Karibu.setValue(policies.text, "We use AI lawfully, safely and fairly.");
        _click(policies.save);

        DocumentPage page = _get(DocumentPage.class);
        assertThat(page.heading.getText()).matches("POL-\\d{3} · AI policy");
        _click(button("aims-submit"));
        // the author may not approve (four eyes): the refusal says why
        _click(button("aims-approve"));
        _click(button("aims-confirm-approve"));
        assertThat(NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .anySatisfy(t -> assertThat(t).contains("someone else must approve it (four-eyes rule)"));
        long id = aims.list(List.of(DocumentKind.AI_POLICY)).stream()
                .filter(s -> s.latestStatus() == VersionStatus.IN_REVIEW)
                .findFirst()
                .orElseThrow()
                .id();

        Karibu.close();
        Karibu.signInAndOpen(context, approver);
        UI.getCurrent().navigate(DocumentPage.class, id);
        _click(button("aims-approve"));
        _click(button("aims-confirm-approve"));
        _click(button("aims-publish"));
        assertThat(_get(DocumentPage.class).versionPicker.getValue().status()).isEqualTo(VersionStatus.PUBLISHED);
        assertThat(_get(Paragraph.class, spec -> spec.withId("aims-acknowledgement-rate"))
                        .getText())
                .contains("have acknowledged version 1");

        Karibu.close();
        Karibu.signInAndOpen(context, owner);
        UI.getCurrent().navigate(PoliciesView.class);
        assertThat(_get(PoliciesView.class).grid.getGenericDataView().getItems())
                .anyMatch(s -> s.id() == id);
        String reference = aims.get(id).reference();
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("aims-my-acknowledgements"))
                        .getChildren()
                        .filter(c -> c instanceof Button)
                        .map(c -> ((Button) c).getText()))
                .as("the policies awaiting my acknowledgement")
                .anyMatch(t -> t.startsWith(reference));
        UI.getCurrent().navigate(DocumentPage.class, id);
        assertThat(_find(Button.class, spec -> spec.withId("aims-edit")))
                .as("owners only read")
                .isEmpty();
        _click(button("aims-acknowledge"));
        assertThat(_get(Span.class, spec -> spec.withId("aims-acknowledged")).getText())
                .isEqualTo("You have acknowledged version 1.");
        UI.getCurrent().navigate(PoliciesView.class);
        assertThat(aims.awaitingMyAcknowledgement()).noneMatch(s -> s.id() == id);
    }

    @Test
    void an_auditor_reads_the_scope_and_roles_without_the_writing_buttons() {
        AegisUser auditor = accounts.create("auditor", Role.AUDITOR);
        Karibu.signInAndOpen(context, auditor);
        UI.getCurrent().navigate(ScopeView.class);
        ScopeView scope = _get(ScopeView.class);
        assertThat(scope.create.isVisible()).isFalse();
        UI.getCurrent().navigate(AimsRolesView.class);
        assertThat(_find(Button.class, spec -> spec.withId("aims-assign-role"))).isEmpty();
        assertThat(_get(AimsRolesView.class).grid.getGenericDataView().getItems())
                .as("auditors read the roles")
                .isNotNull();
    }
}
