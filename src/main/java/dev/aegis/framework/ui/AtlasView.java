package dev.aegis.framework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The MITRE ATLAS matrix: tactics as columns in matrix order, techniques under them as cards with the mitigations
 * that address them. A card opens the technique in the framework browser.
 */
@Route("atlas")
@PageTitle("ATLAS matrix · Aegis")
@Menu(order = 22, icon = "vaadin:grid-big", title = "ATLAS matrix")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class AtlasView extends VerticalLayout {

    static final String ATLAS = "MITRE-ATLAS";

    final TextField filter = new TextField();
    final Span matchCount = new Span();
    final Div matrix = new Div();
    /** Every card shown; a technique serving several tactics has a card in each column. */
    final List<ShownCard> cards = new ArrayList<>();

    record ShownCard(AtlasMatrix.Card card, RouterLink link) {}

    AtlasView(FrameworkCatalog catalog) {
        setWidthFull();
        configureFilter();
        add(new H2("MITRE ATLAS matrix"), intro(), toolbar());
        List<AtlasMatrix.Column> columns = columns(catalog);
        if (columns.isEmpty()) {
            Paragraph empty = new Paragraph("The MITRE ATLAS catalog is not loaded. It is imported when Aegis starts; "
                    + "check the start-up log, or ask an administrator.");
            empty.addClassNames("aegis-hint");
            add(empty);
            return;
        }
        add(matrix(columns));
    }

    private static List<AtlasMatrix.Column> columns(FrameworkCatalog catalog) {
        try {
            return AtlasMatrix.build(
                    catalog.tree(ATLAS, false), catalog.links("IN_TACTIC"), catalog.links("ADDRESSES"));
        } catch (NotFoundException missing) {
            return List.of();
        }
    }

    // ---- layout ---------------------------------------------------------------------------------------------

    private Component intro() {
        Paragraph p = new Paragraph("Tactics (the adversary's goals) run left to right in matrix order; under each are "
                + "the techniques that serve it, with the ids of the mitigations that address them. A technique that "
                + "serves several tactics appears in each. Open a technique for its text and mitigations.");
        p.addClassNames("aegis-hint");
        return p;
    }

    private void configureFilter() {
        filter.setId("atlas-filter");
        filter.setPlaceholder("Highlight techniques, e.g. prompt or AML.T0051");
        filter.setAriaLabel("Highlight techniques");
        filter.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("24rem");
        filter.addValueChangeListener(e -> highlight(e.getValue()));
        matchCount.setId("atlas-match-count");
        matchCount.addClassNames("aegis-hint");
    }

    private Component toolbar() {
        HorizontalLayout bar = new HorizontalLayout(filter, matchCount);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private Component matrix(List<AtlasMatrix.Column> columns) {
        matrix.setId("atlas-matrix");
        matrix.addClassNames("aegis-atlas");
        matrix.getStyle().set("--aegis-atlas-columns", String.valueOf(columns.size()));
        columns.forEach(c -> matrix.add(column(c)));
        Div scroll = new Div(matrix);
        scroll.addClassNames("aegis-atlas-scroll");
        return scroll;
    }

    private Div column(AtlasMatrix.Column column) {
        Div header = new Div(
                new Span(column.tactic().title()),
                small(column.tactic().refId() + " · " + column.cards().size() + " techniques"));
        header.addClassNames("aegis-atlas-tactic");
        Div div = new Div(header);
        div.setId("tactic-" + column.tactic().refId());
        div.addClassNames("aegis-atlas-column");
        column.cards().forEach(card -> div.add(card(card)));
        return div;
    }

    private RouterLink card(AtlasMatrix.Card card) {
        RequirementSummary t = card.technique();
        RouterLink link = FrameworkBrowserView.link(t, "aegis-atlas-card");
        link.setText("");
        link.removeClassName("aegis-ref");
        Span ref = new Span(t.refId());
        ref.addClassNames("aegis-ref");
        Span name = new Span(t.title());
        name.addClassNames("aegis-atlas-name");
        link.add(ref, name);
        if (!card.subTechniques().isEmpty()) {
            Span subs = new Span(
                    card.subTechniques().size() == 1
                            ? "1 sub-technique"
                            : card.subTechniques().size() + " sub-techniques");
            subs.addClassNames("aegis-atlas-subs");
            link.add(subs);
        }
        if (!card.mitigations().isEmpty()) {
            Div mitigations = new Div();
            mitigations.addClassNames("aegis-atlas-mitigations");
            for (RequirementSummary m : card.mitigations()) {
                Span id = new Span(m.refId().replace("AML.", ""));
                id.setTitle(m.label());
                mitigations.add(id);
            }
            link.add(mitigations);
        }
        link.getElement()
                .setAttribute(
                        "title",
                        t.label()
                                + (card.mitigations().isEmpty()
                                        ? " · no mitigation listed"
                                        : " · " + card.mitigations().size() + " mitigations"));
        cards.add(new ShownCard(card, link));
        return link;
    }

    private static Span small(String text) {
        Span s = new Span(text);
        s.addClassNames("aegis-atlas-meta");
        return s;
    }

    // ---- behaviour ------------------------------------------------------------------------------------------

    void highlight(String query) {
        boolean filtering = query != null && !query.isBlank();
        Set<Long> matching = new HashSet<>();
        for (ShownCard shown : cards) {
            boolean hit = filtering && shown.card().matches(query);
            shown.link().setClassName("aegis-atlas-hit", hit);
            shown.link().setClassName("aegis-atlas-dim", filtering && !hit);
            if (hit) {
                matching.add(shown.card().technique().id());
            }
        }
        matchCount.setText(
                !filtering
                        ? ""
                        : matching.isEmpty()
                                ? "No technique matches “" + query.trim()
                                        + "”. Try an id such as AML.T0051 or a single word."
                                : matching.size() == 1 ? "1 technique matches" : matching.size() + " techniques match");
    }
}
