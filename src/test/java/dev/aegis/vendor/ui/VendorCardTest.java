package dev.aegis.vendor.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.ui.DashboardView;
import dev.aegis.vendor.AssessmentService;
import dev.aegis.vendor.Certification;
import dev.aegis.vendor.QuestionnaireTemplate;
import dev.aegis.vendor.TemplateService;
import dev.aegis.vendor.VendorDetails;
import dev.aegis.vendor.VendorFixtures;
import dev.aegis.vendor.VendorService;
import dev.aegis.vendor.VendorVocabulary.CertificationType;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class VendorCardTest {

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
    void each_figure_of_the_vendor_managers_dashboard_opens_a_register_with_as_many_rows() {
        AegisUser manager = accounts.create("vm", Role.VENDOR_MANAGER);
        TestAccounts.signIn(manager);
        String tag = Long.toString(System.nanoTime());
        var d = VendorFixtures.llmProvider("Figures " + tag, Set.of());
        var vendor = vendors.register(new VendorDetails(
                d.name(),
                d.services(),
                d.aiProducts(),
                d.contacts(),
                d.criticality(),
                d.processingCountries(),
                d.storageCountries(),
                d.subProcessors(),
                d.dpaStatus(),
                d.dpaSignedOn(),
                d.meetsGdpr(),
                d.meetsCcpa(),
                List.of(new Certification(
                        CertificationType.ISO_42001, LocalDate.now().plusDays(12))),
                d.systems(),
                d.notes()));
        QuestionnaireTemplate template =
                templates.importJson(TEMPLATE.formatted("figures-" + tag)).template();
        assessments.start(vendor.getId(), template.getId(), LocalDate.now().plusDays(5));
        TestAccounts.signOut();

        Karibu.signInAndOpen(context, manager);
        int checked = 0;
        for (String cardId : List.of("vendor-assessments-card", "vendor-tiers-card", "vendor-certificates-card")) {
            List<Anchor> figures = figures(cardId);
            for (Anchor figure : figures) {
                long shown = Long.parseLong(figure.getText());
                Karibu.navigate(figure.getHref());
                long rows = figure.getHref().startsWith("assessments")
                        ? _get(AssessmentBoardView.class).total
                        : _size(_get(VendorsView.class).grid);
                assertThat(rows).as("%s: %s", cardId, figure.getHref()).isEqualTo(shown);
                checked += shown > 0 ? 1 : 0;
            }
        }
        // the assessment due in five days, its vendor's tier and its certificate at least
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    /** The card's figures: its big numbers and the counts of its bars, each a link to a filtered register. */
    private static List<Anchor> figures(String cardId) {
        UI.getCurrent().navigate(DashboardView.class);
        Div card = _get(Div.class, spec -> spec.withId(cardId));
        return _find(card, Anchor.class).stream()
                .filter(a -> a.getText().matches("\\d+"))
                .toList();
    }

    private static final String TEMPLATE = """
            {"format": "aegis-questionnaire/1", "key": "%s", "title": "Figures", "description": null,
             "sections": [{"id": "s", "title": "S", "questions": [
               {"id": "q1", "type": "TEXT", "text": "Anything?", "required": false, "weight": 0,
                "options": [], "showIf": null, "requirements": []}]}]}
            """;
}
