package dev.aegis.control.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.aegis.control.ControlVocabulary;
import dev.aegis.control.SoaService;
import dev.aegis.control.SoaService.IssuedSummary;
import dev.aegis.control.SoaService.Line;
import dev.aegis.shared.DomainRuleException;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The ISO/IEC 42001 Statement of Applicability: every Annex A control, decided in place (applicable or not, and why),
 * its implementing controls and their derived status; issued as immutable versions and exported as PDF or CSV.
 */
@Route("soa")
@PageTitle("Statement of Applicability · Aegis")
@Menu(order = 14, icon = "vaadin:clipboard-check", title = "Statement of Applicability")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class SoaView extends VerticalLayout {

    private final transient SoaService soa;
    private final boolean mayDecide;
    private final boolean mayExport;
    final Select<Object> shown = new Select<>();
    final Grid<Line> grid = new Grid<>();
    final Button issue = new Button("Issue version", new Icon(VaadinIcon.CHECK_CIRCLE));
    final Dialog decideDialog = new Dialog();
    final RadioButtonGroup<Boolean> applicable = new RadioButtonGroup<>("Applicable");
    final TextArea justification = new TextArea("Justification for inclusion or reason for exclusion");
    final Button saveDecision = new Button("Save");
    final Dialog issueDialog = new Dialog();
    final TextField issueNote = new TextField("Note (e.g. the management review)");
    final Button confirmIssue = new Button("Issue");
    final Span status = new Span();
    private Line deciding;

    /** The working statement in the version picker. */
    static final String DRAFT = "Working statement";

    SoaView(SoaService soa, AuthenticationContext auth) {
        this.soa = soa;
        this.mayDecide = auth.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
        this.mayExport = auth.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR");
        setSizeFull();
        configureGrid();
        configureDialogs();
        add(new H2("Statement of Applicability (ISO/IEC 42001)"), toolbar(), status, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("soa-grid");
        grid.getElement().getThemeList().add("wrap-cell-content"); // long titles wrap instead of ending in "…"
        grid.addColumn(Line::refId).setHeader("Annex A").setWidth("7rem").setFlexGrow(0);
        grid.addColumn(Line::title)
                .setWidth("10rem")
                .setHeader("Control")
                .setFlexGrow(2)
                .setTooltipGenerator(Line::title);
        grid.addColumn(l -> l.applicable() == null ? "Undecided" : l.applicable() ? "Yes" : "No")
                .setHeader("Applicable")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(l -> l.justification() == null ? "" : l.justification())
                .setHeader("Justification / reason")
                .setWidth("14rem")
                .setFlexGrow(3)
                .setTooltipGenerator(l -> l.justification() == null ? "" : l.justification());
        grid.addColumn(l -> l.controls().stream()
                        .map(c -> c.title() + " (" + ControlVocabulary.label(c.status()) + ")")
                        .collect(Collectors.joining("; ")))
                .setHeader("Implementing controls")
                .setWidth("12rem")
                .setFlexGrow(2)
                .setTooltipGenerator(l -> l.controls().stream()
                        .map(c -> c.title() + " (" + ControlVocabulary.label(c.status()) + ")")
                        .collect(Collectors.joining("\n")));
        grid.addComponentColumn(l -> CoverageBadges.level(l.implementation()))
                .setHeader("Implementation")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addItemClickListener(e -> {
            if (mayDecide && shown.getValue() == DRAFT) {
                openDecision(e.getItem());
            }
        });
        grid.setSizeFull();
    }

    private Component toolbar() {
        shown.setLabel("Show");
        shown.setId("soa-version");
        shown.setItemLabelGenerator(o -> o instanceof IssuedSummary v
                ? "Version " + v.number() + " — issued " + v.issuedAt() + " by " + v.approvedBy()
                : DRAFT);
        shown.addValueChangeListener(e -> showLines());
        issue.setId("soa-issue");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issue.setVisible(mayDecide);
        issue.addClickListener(e -> {
            issueNote.clear();
            issueDialog.open();
        });
        HorizontalLayout bar = new HorizontalLayout(
                shown, issue, download("pdf", VaadinIcon.FILE_TEXT_O), download("csv", VaadinIcon.DOWNLOAD));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        bar.setWrap(true);
        return bar;
    }

    private Component download(String format, VaadinIcon icon) {
        Anchor a = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    var bytes = new java.io.ByteArrayOutputStream();
                    Integer number = shown.getValue() instanceof IssuedSummary v ? v.number() : null;
                    if (format.equals("pdf")) {
                        soa.pdf(number, bytes);
                    } else {
                        soa.csv(number, bytes);
                    }
                    return new DownloadResponse(
                            new java.io.ByteArrayInputStream(bytes.toByteArray()),
                            "statement-of-applicability" + (number == null ? "-draft" : "-v" + number) + "." + format,
                            format.equals("pdf") ? "application/pdf" : "text/csv",
                            bytes.size());
                }),
                "");
        Button b = new Button("Export " + format.toUpperCase(), new Icon(icon));
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        a.add(b);
        a.setId("soa-export-" + format);
        a.getElement().setAttribute("download", true);
        a.setVisible(mayExport);
        return a;
    }

    private void configureDialogs() {
        applicable.setItems(true, false);
        applicable.setItemLabelGenerator(b -> b ? "Yes, included" : "No, excluded");
        justification.setWidthFull();
        saveDecision.setId("soa-save");
        saveDecision.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveDecision.addClickListener(e -> saveDecision());
        decideDialog.setWidth("min(40rem, 95vw)");
        decideDialog.add(new VerticalLayout(applicable, justification));
        decideDialog.getFooter().add(new Button("Cancel", e -> decideDialog.close()), saveDecision);
        issueDialog.setHeaderTitle("Issue the Statement of Applicability");
        issueNote.setWidthFull();
        confirmIssue.setId("soa-confirm-issue");
        confirmIssue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirmIssue.addClickListener(e -> issue());
        issueDialog.add(new VerticalLayout(
                new Span("The statement is kept exactly as it stands now, with today's date "
                        + "and you as approver. Later changes go into the next version."),
                issueNote));
        issueDialog.getFooter().add(new Button("Cancel", e -> issueDialog.close()), confirmIssue);
    }

    void openDecision(Line line) {
        deciding = line;
        decideDialog.setHeaderTitle(line.refId() + " " + line.title());
        applicable.setValue(line.applicable() == null ? Boolean.TRUE : line.applicable());
        justification.setValue(line.justification() == null ? "" : line.justification());
        justification.setInvalid(false);
        decideDialog.open();
    }

    void saveDecision() {
        try {
            soa.decide(deciding.requirementId(), deciding.version(), applicable.getValue(), justification.getValue());
            decideDialog.close();
            showLines();
        } catch (DomainRuleException e) {
            justification.setErrorMessage(e.getMessage());
            justification.setInvalid(true);
        } catch (OptimisticLockingFailureException e) {
            error("Someone else decided this control meanwhile; the list shows their decision now.");
            decideDialog.close();
            showLines();
        }
    }

    void issue() {
        try {
            var issued = soa.issue(issueNote.getValue());
            issueDialog.close();
            Notification.show("Issued version " + issued.number() + ".", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (DomainRuleException e) {
            issueDialog.close();
            error(e.getMessage());
        }
    }

    private void refresh() {
        List<Object> items = new java.util.ArrayList<>();
        items.add(DRAFT);
        items.addAll(soa.versions());
        shown.setItems(items);
        shown.setValue(DRAFT);
    }

    private void showLines() {
        List<Line> lines = shown.getValue() instanceof IssuedSummary v
                ? soa.version(v.number()).lines()
                : soa.current();
        grid.setItems(lines);
        long open = lines.stream().filter(l -> l.applicable() == null).count();
        status.setText(
                shown.getValue() == DRAFT
                        ? lines.size() + " Annex A controls, " + open + " undecided."
                                + (mayDecide ? " Click a control to decide it." : "")
                        : "Issued version: read only, exactly as issued.");
    }

    private static void error(String message) {
        Notification.show(message, 5000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
