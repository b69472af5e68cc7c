package dev.aegis.framework.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.framework.CatalogAdministration;
import dev.aegis.framework.CatalogViews.Edge;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.framework.Relationship;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class CrosswalkViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FrameworkCatalog catalog;

    @Autowired
    CatalogAdministration administration;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void the_list_of_mappings_comes_first_and_the_matrix_is_folded_below_it() {
        CrosswalkView view = open(Role.AUDITOR, "crosswalks");

        List<com.vaadin.flow.component.Component> children = view.getChildren().toList();
        assertThat(children.indexOf(view.grid)).isLessThan(children.indexOf(view.matrixPanel));
        assertThat(view.matrixPanel.isOpened()).isFalse();
        assertThat(view.matrix.getElement().getAttribute("tabindex"))
                .as("the scrolling matrix is reachable by keyboard")
                .isEqualTo("0");
    }

    @Test
    void the_nist_to_iso_matrix_flags_the_three_cells_that_need_review() {
        CrosswalkView view = open(Role.AUDITOR, "crosswalks?crosswalk=NIST-AI-RMF-1.0_to_ISO-IEC-42001-2023");
        assertThat(view.matrixHtml())
                .as("the folded matrix is drawn when opened")
                .isEmpty();
        view.matrixPanel.setOpened(true);

        var table = Jsoup.parseBodyFragment("<table>" + view.matrixHtml() + "</table>");
        List<String> flagged = table.select("td.aegis-cell-review").stream()
                .map(td -> td.attr("title"))
                .toList();
        assertThat(flagged)
                .hasSize(3)
                .anySatisfy(t -> assertThat(t).startsWith("GOVERN 3.2 → A.3.2"))
                .anySatisfy(t -> assertThat(t).startsWith("MAP 1.4 → A.2.2"))
                .anySatisfy(t -> assertThat(t).startsWith("MAP 1.5 → 6.1.1"))
                .allSatisfy(t -> assertThat(t).endsWith("needs review"));
        assertThat(table.select("td[data-edge]")).hasSize(280);
        assertThat(table.select("tbody th").first().text())
                .as("rows follow the catalog")
                .isEqualTo("GOVERN 1.1");
        assertThat(view.summary.getText()).contains("280 of 280").contains("3 need review");

        Karibu.setValue(view.reviewFilter, CrosswalkView.ReviewState.NEEDS_REVIEW);
        assertThat(view.visibleEdges())
                .extracting(e -> e.source().refId() + ">" + e.target().refId())
                .containsExactlyInAnyOrder("GOVERN 3.2>A.3.2", "MAP 1.4>A.2.2", "MAP 1.5>6.1.1");
        assertThat(Jsoup.parseBodyFragment("<table>" + view.matrixHtml() + "</table>")
                        .select("td[data-edge]"))
                .hasSize(3);
    }

    @Test
    void picking_two_frameworks_finds_the_crosswalk_between_them_in_either_direction() {
        CrosswalkView view = open(Role.SYSTEM_OWNER, "crosswalks");

        Karibu.setValue(view.between, catalog.framework("MITRE-ATLAS"));
        Karibu.setValue(view.and, catalog.framework("OWASP-LLM-TOP10-2025"));

        assertThat(view.crosswalk.getValue().code()).isEqualTo("OWASP-LLM-TOP10-2025_to_MITRE-ATLAS");
        assertThat(view.visibleEdges()).hasSize(16);
    }

    @Test
    void an_officer_reviews_an_edge_and_the_audit_log_records_it() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        CrosswalkView view = open(officer, "crosswalks?crosswalk=NIST-AI-RMF-1.0_to_ISO-IEC-42001-2023");
        Edge edge = edge(view, "GOVERN 1.1", "4.1");
        String note = "Clause 4.1 covers the legal context " + System.nanoTime();

        _click(_get(
                _getCellComponent(view.grid, view.visibleEdges().indexOf(edge), "actions"),
                Button.class,
                spec -> spec.withId("review-" + edge.id())));
        EdgeReviewDialog dialog = _get(EdgeReviewDialog.class);
        Karibu.setValue(dialog.relationship, Relationship.SUBSET);
        Karibu.setValue(dialog.confidence, "HIGH");
        Karibu.setValue(dialog.note, note);
        _click(dialog.save);

        _assertNone(EdgeReviewDialog.class);
        Edge reviewed = edge(view, "GOVERN 1.1", "4.1");
        assertThat(reviewed.relationship()).isEqualTo(Relationship.SUBSET);
        assertThat(reviewed.confidence()).isEqualTo("HIGH");
        assertThat(reviewed.reviewNote()).isEqualTo(note);
        assertThat(reviewed.reviewedBy()).isEqualTo(officer.username());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_type = 'CrosswalkEdge' "
                                + "and object_id = ? and action = 'REVIEW' and actor = ? and changes like ?",
                        Long.class,
                        String.valueOf(edge.id()),
                        officer.username(),
                        "%" + note + "%"))
                .isEqualTo(1);
    }

    @Test
    void a_review_of_a_mapping_someone_else_changed_meanwhile_is_refused_and_reloaded() {
        CrosswalkView view =
                open(Role.GOVERNANCE_OFFICER, "crosswalks?crosswalk=NIST-AI-RMF-1.0_to_ISO-IEC-42001-2023");
        Edge edge = edge(view, "GOVERN 1.1", "6.2");
        view.openEdge(edge.id()); // as a click on its matrix cell does
        EdgeReviewDialog dialog = _get(EdgeReviewDialog.class);
        administration.reviewEdge(edge.id(), edge.version(), Relationship.INTERSECT, "MEDIUM", "changed meanwhile");

        Karibu.setValue(dialog.relationship, Relationship.EQUAL);
        _click(dialog.save);

        _assertNone(EdgeReviewDialog.class);
        assertThat(NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text"))
                .anySatisfy(text -> assertThat(text).startsWith("Someone else changed this mapping"));
        Edge now = edge(view, "GOVERN 1.1", "6.2");
        assertThat(now.relationship()).isEqualTo(Relationship.INTERSECT);
        assertThat(now.version()).isGreaterThan(edge.version());
    }

    @Test
    void an_officer_adds_a_mapping_of_their_own_and_removes_it_again() {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        CrosswalkView view = open(officer, "crosswalks");
        RequirementSummary llm01 =
                catalog.find("OWASP-LLM-TOP10-2025", "LLM01:2025").orElseThrow();
        RequirementSummary a22 = catalog.find("ISO-IEC-42001-2023", "A.2.2").orElseThrow();

        _click(view.addMapping);
        NewMappingDialog dialog = _get(NewMappingDialog.class);
        Karibu.setValue(dialog.sourceFramework, catalog.framework("OWASP-LLM-TOP10-2025"));
        ComboBoxKt.setUserInput(dialog.source, "LLM01");
        assertThat(ComboBoxKt.getSuggestionItems(dialog.source))
                .extracting(RequirementSummary::refId)
                .contains("LLM01:2025");
        Karibu.setValue(dialog.source, llm01);
        Karibu.setValue(dialog.targetFramework, catalog.framework("ISO-IEC-42001-2023"));
        Karibu.setValue(dialog.target, a22);
        Karibu.setValue(dialog.rationale, "Our AI policy forbids untrusted prompts reaching tools.");
        _click(dialog.save);

        _assertNone(NewMappingDialog.class);
        assertThat(view.crosswalk.getValue().code()).isEqualTo("ORG:OWASP-LLM-TOP10-2025_to_ISO-IEC-42001-2023");
        assertThat(view.visibleEdges()).singleElement().satisfies(e -> {
            assertThat(e.origin()).isEqualTo("ORGANISATION");
            assertThat(e.target().refId()).isEqualTo("A.2.2");
        });
        Edge added = view.visibleEdges().getFirst();

        _click(_get(
                _getCellComponent(view.grid, 0, "actions"), Button.class, spec -> spec.withId("remove-" + added.id())));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-remove-mapping")));

        assertThat(view.visibleEdges()).isEmpty();
        assertThat(jdbc.queryForList(
                        "select action from audit.audit_entry where object_type = 'CrosswalkEdge' "
                                + "and object_id = ? order by id",
                        String.class,
                        String.valueOf(added.id())))
                .containsExactly("CREATE", "DELETE");
    }

    @Test
    void published_mappings_cannot_be_removed_only_reviewed() {
        CrosswalkView view = open(Role.ADMIN, "crosswalks?crosswalk=NIST-AI-RMF-1.0_to_ISO-IEC-42001-2023");
        Edge edge = view.visibleEdges().stream()
                .filter(e -> e.source().refId().equals("GOVERN 1.2"))
                .findFirst()
                .orElseThrow();

        var actions = _getCellComponent(view.grid, view.visibleEdges().indexOf(edge), "actions");
        _get(actions, Button.class, spec -> spec.withId("review-" + edge.id()));
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(
                        actions, Button.class, spec -> spec.withId("remove-" + edge.id())))
                .isEmpty();
    }

    @Test
    void an_auditor_reads_everything_but_sees_no_review_or_add_buttons() {
        CrosswalkView view = open(Role.AUDITOR, "crosswalks?crosswalk=NIST-AI-RMF-1.0_to_ISO-IEC-42001-2023");

        _assertNone(Button.class, spec -> spec.withId("add-mapping"));
        assertThat(view.grid.getColumnByKey("actions")).isNull();
        Edge edge = view.visibleEdges().getFirst();
        view.openEdge(edge.id());
        _assertNone(EdgeReviewDialog.class);
        assertThat(view.grid.isDetailsVisible(edge)).isTrue();
        assertThat(_getCellComponent(view.grid, 0, "relationship").getElement().getText())
                .isNotBlank();
        view.matrixPanel.setOpened(true);
        Element firstRow = Jsoup.parseBodyFragment("<table>" + view.matrixHtml() + "</table>")
                .selectFirst("tbody tr");
        assertThat(firstRow).isNotNull();
    }

    private CrosswalkView open(Role role, String location) {
        return open(accounts.create("reader", role), location);
    }

    private CrosswalkView open(AegisUser user, String location) {
        Karibu.signInAndOpen(context, user);
        Karibu.navigate(location);
        return _get(CrosswalkView.class);
    }

    private static Edge edge(CrosswalkView view, String source, String target) {
        return view.visibleEdges().stream()
                .filter(e ->
                        e.source().refId().equals(source) && e.target().refId().equals(target))
                .findFirst()
                .orElseThrow();
    }
}
