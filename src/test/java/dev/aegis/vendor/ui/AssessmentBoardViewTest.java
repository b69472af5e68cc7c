package dev.aegis.vendor.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.vendor.AssessmentBoard.Column;
import dev.aegis.vendor.AssessmentService;
import dev.aegis.vendor.QuestionnaireTemplate;
import dev.aegis.vendor.TemplateService;
import dev.aegis.vendor.Vendor;
import dev.aegis.vendor.VendorFixtures;
import dev.aegis.vendor.VendorService;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class AssessmentBoardViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    VendorService vendors;

    @Autowired
    TemplateService templates;

    @Autowired
    AssessmentService assessments;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void columns_show_their_counts_and_at_most_twenty_cards_until_more_are_asked_for() {
        AegisUser manager = accounts.create("vm", Role.VENDOR_MANAGER);
        Karibu.signInAndOpen(context, manager);
        String tag = Long.toString(System.nanoTime());
        Vendor vendor = vendors.register(VendorFixtures.llmProvider("Board view " + tag, Set.of()));
        QuestionnaireTemplate template =
                templates.importJson(TEMPLATE.formatted("board-view-" + tag)).template();
        for (int i = 0; i < 22; i++) {
            assessments.start(vendor.getId(), template.getId(), LocalDate.now().plusDays(10 + i));
        }
        assessments.issueLink(assessments
                .start(vendor.getId(), template.getId(), LocalDate.now().plusDays(3))
                .getId());

        AssessmentBoardView view = open();
        Karibu.setValue(view.vendor, vendor);

        var drafts = view.byColumn.get(Column.DRAFT);
        assertThat(drafts.title.getText()).isEqualTo("Draft · 22");
        assertThat(drafts.cards.getComponentCount()).isEqualTo(20);
        assertThat(drafts.more.isVisible()).isTrue();
        assertThat(drafts.more.getText()).isEqualTo("2 more");
        drafts.more.click();
        assertThat(drafts.cards.getComponentCount()).isEqualTo(22);
        assertThat(drafts.more.isVisible()).isFalse();
        assertThat(view.byColumn.get(Column.WITH_VENDOR).title.getText()).isEqualTo("Invited / in progress · 1");
        assertThat(view.byColumn.get(Column.DECIDED).title.getText()).isEqualTo("Decided · 0");
        assertThat(drafts.cards
                        .getChildren()
                        .findFirst()
                        .orElseThrow()
                        .getElement()
                        .getAttribute("href"))
                .startsWith("assessments/");

        Karibu.setValue(view.overdue, true);
        assertThat(view.empty.isVisible()).isTrue();
        assertThat(view.empty.getText()).isEqualTo("No assessments match these filters.");
    }

    @Test
    void the_start_button_is_there_for_vendor_managers_only() {
        Karibu.signInAndOpen(context, accounts.create("vm", Role.VENDOR_MANAGER));
        AssessmentBoardView view = open();
        assertThat(view.start.isVisible()).isTrue();
        Karibu.signInAndOpen(context, accounts.create("auditor", Role.AUDITOR));
        assertThat(open().start.isVisible()).isFalse();
    }

    private static AssessmentBoardView open() {
        UI.getCurrent().navigate(AssessmentBoardView.class);
        return _get(AssessmentBoardView.class);
    }

    private static final String TEMPLATE = """
            {"format": "aegis-questionnaire/1", "key": "%s", "title": "Board", "description": null,
             "sections": [{"id": "s", "title": "S", "questions": [
               {"id": "q1", "type": "TEXT", "text": "Anything?", "required": false, "weight": 0,
                "options": [], "showIf": null, "requirements": []}]}]}
            """;
}
