package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.aims.CompetenceKind;
import dev.aegis.aims.CompetenceService;
import dev.aegis.aims.CompetenceService.Details;
import dev.aegis.aims.CompetenceService.Entry;
import dev.aegis.aims.CompetenceService.Gap;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.ui.Downloads;
import dev.aegis.shared.ui.FormFields;
import dev.aegis.shared.ui.NameCells;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Competence and awareness (ISO/IEC 42001 7.2, 7.3): who in an AIMS role lacks a current training or attestation, and
 * every record with its dates and where it stands. Officers record, change and remove; auditors read and export.
 */
@Route("aims/competence")
@PageTitle("Competence · Aegis")
@Menu(order = 26.2, icon = "vaadin:academy-cap", title = "Competence")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR"})
public class CompetenceView extends VerticalLayout {

    private final transient CompetenceService competence;
    final Grid<Entry> grid = new Grid<>();
    final Div gaps = new Div();
    final Paragraph empty = new Paragraph();
    final Dialog dialog = new Dialog();
    ComboBox<String> person;
    final Select<CompetenceKind> kind = new Select<>();
    final TextField title = FormFields.limit(new TextField("Title"), 200);
    final TextField provider = FormFields.limit(new TextField("Provider (optional)"), 200);
    final DatePicker completedOn = FormFields.sensible(new DatePicker("Completed on"), "The completion date");
    final DatePicker expiresOn = FormFields.sensible(new DatePicker("Expires on (empty: does not)"), "The expiry date");
    final TextArea note = FormFields.limit(new TextArea("Note (optional)"), 1000);
    final Button save = new Button("Save");
    final Button remove = new Button("Remove");
    private Entry editing;

    CompetenceView(CompetenceService competence) {
        this.competence = competence;
        setWidthFull();
        Button add = new Button("Record a training", new Icon(VaadinIcon.PLUS), e -> open(null, null));
        add.setId("aims-record-competence");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(competence.mayWrite());
        HorizontalLayout bar = new HorizontalLayout(
                add,
                Downloads.export(
                        "aims-competence-csv",
                        "aims-competence",
                        TabularFormat.CSV,
                        out -> competence.export(TabularFormat.CSV, out)),
                Downloads.export(
                        "aims-competence-xlsx",
                        "aims-competence",
                        TabularFormat.XLSX,
                        out -> competence.export(TabularFormat.XLSX, out)));
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWrap(true);
        configureGrid();
        configureDialog();
        gaps.setId("aims-competence-gaps");
        gaps.setWidthFull();
        empty.setId("aims-competence-empty");
        add(
                new H2("Competence and awareness"),
                new Paragraph("The trainings, attestations and certifications of the people who run the AI "
                        + "management system (ISO/IEC 42001 7.2 and 7.3). When every AIMS role holder holds a current "
                        + "one, clauses 7.2 and 7.3 are covered; holders and AIMS managers are reminded "
                        + CompetenceService.REMIND_DAYS + " days before a record expires."),
                bar,
                gaps,
                empty,
                grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("aims-competence");
        grid.setAllRowsVisible(true);
        grid.getElement().getThemeList().add("wrap-cell-content");
        NameCells.add(grid, Entry::name).setHeader("Person").setWidth("9rem").setFlexGrow(1);
        grid.addColumn(e -> e.kind().label())
                .setHeader("Kind")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Entry::title).setHeader("Title").setWidth("9rem").setFlexGrow(2);
        grid.addColumn(e -> e.provider() == null ? "" : e.provider())
                .setHeader("Provider")
                .setWidth("7rem")
                .setFlexGrow(1);
        grid.addColumn(e -> Dates.day(e.completedOn()))
                .setHeader("Completed")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> e.expiresOn() == null ? "" : Dates.day(e.expiresOn()))
                .setHeader("Expires")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(CompetenceView::standing)
                .setHeader("Standing")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addItemClickListener(e -> {
            if (competence.mayWrite()) {
                open(e.getItem(), null);
            }
        });
    }

    static Span standing(Entry e) {
        Span badge = new Span(e.standing());
        badge.addClassName("aegis-badge");
        if (!e.current()) {
            badge.addClassName("aegis-badge-withdrawn");
        } else if (e.standing().equals("Expires soon")) {
            badge.addClassName("aegis-badge-review");
        } else {
            badge.addClassName("aegis-cov-covered");
        }
        return badge;
    }

    private void configureDialog() {
        person = FormFields.people("Person", competence.people());
        person.setRequiredIndicatorVisible(true);
        kind.setLabel("Kind");
        kind.setItems(CompetenceKind.values());
        kind.setItemLabelGenerator(CompetenceKind::label);
        title.setRequired(true);
        title.setPlaceholder("e.g. AI awareness 2026, ISO/IEC 42001 lead implementer");
        for (Component c : List.of(person, title, provider, note)) {
            ((com.vaadin.flow.component.HasSize) c).setWidthFull();
        }
        completedOn.setRequiredIndicatorVisible(true);
        VerticalLayout form =
                new VerticalLayout(person, kind, title, provider, new HorizontalLayout(completedOn, expiresOn), note);
        form.setPadding(false);
        form.setWidth("min(36rem, 90vw)");
        dialog.add(form);
        save.setId("aims-save-competence");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        remove.setId("aims-remove-competence");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.addClickListener(e -> remove());
        dialog.getFooter().add(remove, new Button("Cancel", e -> dialog.close()), save);
    }

    void open(Entry entry, String forPerson) {
        editing = entry;
        dialog.setHeaderTitle(entry == null ? "Record a training or attestation" : "Change the record");
        FormFields.show(person, entry == null ? forPerson : entry.username());
        person.setInvalid(false);
        kind.setValue(entry == null ? CompetenceKind.TRAINING : entry.kind());
        title.setValue(entry == null ? "" : entry.title());
        title.setInvalid(false);
        provider.setValue(entry == null || entry.provider() == null ? "" : entry.provider());
        completedOn.setValue(entry == null ? LocalDate.now() : entry.completedOn());
        completedOn.setInvalid(false);
        expiresOn.setValue(entry == null ? LocalDate.now().plusYears(1) : entry.expiresOn());
        expiresOn.setInvalid(false);
        note.setValue(entry == null || entry.note() == null ? "" : entry.note());
        remove.setVisible(entry != null);
        dialog.open();
    }

    void save() {
        if (!FormFields.holdsInput(completedOn) || !FormFields.holdsInput(expiresOn)) {
            return;
        }
        Details d = new Details(
                person.getValue(),
                kind.getValue(),
                title.getValue(),
                provider.getValue(),
                completedOn.getValue(),
                expiresOn.getValue(),
                note.getValue());
        try {
            if (editing == null) {
                competence.record(d);
            } else {
                competence.change(editing.id(), editing.version(), d);
            }
            dialog.close();
            AimsUi.done("Saved.");
            refresh();
        } catch (DomainRuleException ex) {
            Map<String, Component> fields = Map.of(
                    "username", person,
                    "kind", kind,
                    "title", title,
                    "provider", provider,
                    "completedOn", completedOn,
                    "expiresOn", expiresOn,
                    "note", note);
            AimsUi.refuse(ex, fields);
        } catch (OptimisticLockingFailureException ex) {
            dialog.close();
            AimsUi.error("Someone else changed this record meanwhile; the list shows it now.");
            refresh();
        }
    }

    void remove() {
        try {
            competence.remove(editing.id(), editing.version());
            dialog.close();
            AimsUi.done("Removed.");
        } catch (OptimisticLockingFailureException ex) {
            dialog.close();
            AimsUi.error("Someone else changed this record meanwhile; the list shows it now.");
        }
        refresh();
    }

    void refresh() {
        List<Entry> all = competence.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
        empty.setText(
                competence.mayWrite()
                        ? "No training or attestation is recorded yet. Record one for each AIMS role holder, starting "
                                + "with the AIMS manager."
                        : "No training or attestation is recorded yet.");
        gaps.removeAll();
        List<Gap> missing = competence.gaps();
        if (missing.isEmpty()) {
            Paragraph ok = new Paragraph("Every AIMS role holder holds a current training or attestation.");
            ok.setId("aims-competence-complete");
            gaps.add(ok);
            return;
        }
        H3 heading = new H3("AIMS role holders without a current record (" + missing.size() + ")");
        UnorderedList list = new UnorderedList();
        for (Gap g : missing) {
            ListItem item = new ListItem(g.name() + " · " + String.join(", ", g.roles()) + " · " + g.why());
            if (competence.mayWrite()) {
                Button record = new Button("Record", e -> open(null, g.username()));
                record.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                record.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
                item.add(record);
            }
            list.add(item);
        }
        gaps.add(heading, list);
    }
}
