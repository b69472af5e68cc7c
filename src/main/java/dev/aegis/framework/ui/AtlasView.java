package dev.aegis.framework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
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
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The MITRE ATLAS matrix: tactics as columns in matrix order, techniques under them as cards with the mitigations
 * that address them. A card opens the technique in the framework browser.
 *
 * <p>The matrix is one block of markup (every text escaped), not hundreds of server-side components: it is drawn in
 * one go and weighs nothing on the session. Its cards are ordinary links the router follows, reached with Tab; the
 * filter's highlighting is applied in the browser from the ids the server finds.
 */
@Route("atlas")
@PageTitle("ATLAS matrix · Aegis")
@Menu(order = 22, icon = "vaadin:grid-big", title = "ATLAS matrix")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class AtlasView extends VerticalLayout {

    static final String ATLAS = "MITRE-ATLAS";

    final TextField filter = new TextField();
    final Span matchCount = new Span();
    /** Every card shown; a technique serving several tactics has a card in each column. */
    final List<AtlasMatrix.Card> cards = new ArrayList<>();
    /** The techniques the filter highlights (empty: no filter). */
    final Set<Long> highlighted = new LinkedHashSet<>();

    private Html matrix;

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
        columns.forEach(c -> cards.addAll(c.cards()));
        matrix = new Html(
                AtlasMatrix.html(columns, "frameworks/" + ATLAS + "?" + FrameworkBrowserView.REQUIREMENT + "="));
        Div scroll = new Div(matrix);
        scroll.addClassNames("aegis-atlas-scroll");
        add(scroll);
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

    /** The matrix markup as rendered, for tests. */
    String matrixHtml() {
        return matrix == null ? "" : matrix.getInnerHtml();
    }

    // ---- behaviour ------------------------------------------------------------------------------------------

    void highlight(String query) {
        boolean filtering = query != null && !query.isBlank();
        highlighted.clear();
        if (filtering) {
            cards.stream()
                    .filter(c -> c.matches(query))
                    .map(c -> c.technique().id())
                    .forEach(highlighted::add);
        }
        if (matrix != null) {
            matrix.getElement()
                    .executeJs(
                            "const hits = new Set($0 ? $0.split(',') : []);"
                                    + "for (const a of this.querySelectorAll('a[data-id]')) {"
                                    + "  const hit = hits.has(a.dataset.id);"
                                    + "  a.classList.toggle('aegis-atlas-hit', $1 && hit);"
                                    + "  a.classList.toggle('aegis-atlas-dim', $1 && !hit);"
                                    + "}",
                            highlighted.stream().map(String::valueOf).collect(Collectors.joining(",")),
                            filtering);
        }
        matchCount.setText(
                !filtering
                        ? ""
                        : highlighted.isEmpty()
                                ? "No technique matches “" + query.trim()
                                        + "”. Try an id such as AML.T0051 or a single word."
                                : highlighted.size() == 1
                                        ? "1 technique matches"
                                        : highlighted.size() + " techniques match");
    }
}
