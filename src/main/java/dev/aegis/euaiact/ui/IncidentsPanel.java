package dev.aegis.euaiact.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.aegis.euaiact.Incident;
import dev.aegis.euaiact.IncidentDeadlines.Kind;
import dev.aegis.euaiact.IncidentService;
import dev.aegis.euaiact.IncidentService.Candidate;
import dev.aegis.euaiact.IncidentService.Details;
import dev.aegis.euaiact.IncidentService.FollowUp;
import dev.aegis.euaiact.IncidentService.Report;
import dev.aegis.euaiact.IncidentService.Row;
import dev.aegis.inventory.ui.SystemPagePanel;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.ui.FormFields;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * On an AI system's page, after its classification: its incidents (Art. 73) with their reporting deadlines shown as a
 * countdown, overdue and due-soon ones loudly; officers record an incident, escalate an open telemetry finding of a
 * high-risk system to one, and record the report, the provider informed, the investigation and the closure.
 */
@org.springframework.stereotype.Component
class IncidentsPanel implements SystemPagePanel {

    private final IncidentService incidents;
    private final dev.aegis.euaiact.EuAiActDocuments documents;

    IncidentsPanel(IncidentService incidents, dev.aegis.euaiact.EuAiActDocuments documents) {
        this.incidents = incidents;
        this.documents = documents;
    }

    @Override
    public int order() {
        return 46;
    }

    @Override
    public String tab() {
        return EuAiActPanel.TAB;
    }

    @Override
    public boolean visible(long systemId) {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR");
    }

    @Override
    public Component render(long systemId) {
        VerticalLayout panel = new VerticalLayout();
        panel.setId("incidents");
        panel.setPadding(false);
        fill(panel, systemId);
        return panel;
    }

    private void fill(VerticalLayout panel, long systemId) {
        panel.removeAll();
        panel.add(new H3("Incidents (Art. 73)"));
        boolean writes = Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
        List<Row> rows = incidents.ofSystem(systemId);
        rows.stream().filter(r -> r.standing().loud()).forEach(r -> {
            Paragraph loud =
                    new Paragraph(r.standing().label() + ": " + r.incident().getReference() + " "
                            + r.incident().getTitle() + " — " + r.countdown() + " (deadline "
                            + IncidentService.local(
                                    r.incident().getDeadline(), r.incident().getAwareZone()) + ")");
            loud.addClassNames("incident-loud");
            loud.getStyle()
                    .set("color", "var(--lumo-error-text-color)")
                    .set("background", "var(--lumo-error-color-10pct)")
                    .set("padding", "var(--lumo-space-s)")
                    .set("border-radius", "var(--lumo-border-radius-m)")
                    .set("font-weight", "600")
                    .set("margin", "0");
            panel.add(loud);
        });
        if (rows.isEmpty()) {
            Paragraph empty = new Paragraph("No incident recorded. "
                    + (writes
                            ? "Record one when the system caused or may have caused harm; a serious one is reported to "
                                    + "the market surveillance authority within 15 days of awareness (2 days for critical "
                                    + "infrastructure or a widespread infringement, 10 days after a death)."
                            : "Governance officers record incidents here."));
            empty.setId("incidents-empty");
            panel.add(empty);
        } else {
            panel.add(grid(rows, systemId, panel, writes));
        }
        if (writes) {
            Button record = new Button("Record an incident", e -> edit(systemId, null, null, panel));
            record.setId("record-incident");
            panel.add(record);
            List<Candidate> candidates = incidents.candidates(systemId);
            if (!candidates.isEmpty()) {
                Div box =
                        new Div(new Paragraph("Open telemetry findings of this high-risk system: escalate one when it "
                                + "may be a serious incident."));
                box.setId("incident-candidates");
                box.getStyle().set("margin-bottom", "var(--lumo-space-l)");
                for (Candidate c : candidates) {
                    Button escalate = new Button("Escalate to an incident", e -> edit(systemId, null, c, panel));
                    escalate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    HorizontalLayout line = new HorizontalLayout(
                            new Span(c.severity() + " · " + c.title() + " (finding " + c.findingId() + ")"), escalate);
                    line.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
                    box.add(line);
                }
                panel.add(box);
            }
        }
    }

    private Grid<Row> grid(List<Row> rows, long systemId, VerticalLayout panel, boolean writes) {
        Grid<Row> grid = new Grid<>(Row.class, false);
        grid.setId("incidents-grid");
        grid.addThemeName("wrap-cell-content");
        grid.addColumn(r -> r.incident().getReference())
                .setHeader("Ref.")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.incident().getTitle()).setHeader("Incident").setFlexGrow(2);
        grid.addColumn(r -> r.incident().getKind().label()).setHeader("Kind").setFlexGrow(2);
        grid.addColumn(r -> IncidentService.local(
                        r.incident().getAwareAt(), r.incident().getAwareZone()))
                .setHeader("Aware since")
                .setFlexGrow(1);
        grid.addColumn(r -> r.incident().getDeadline() == null
                        ? "none"
                        : IncidentService.local(
                                r.incident().getDeadline(), r.incident().getAwareZone()))
                .setHeader("Report due by")
                .setFlexGrow(1);
        grid.addComponentColumn(r -> {
                    Span s = new Span(r.standing().label() + (r.countdown().isEmpty() ? "" : " · " + r.countdown()));
                    if (r.standing().loud()) {
                        s.getStyle()
                                .set("color", "var(--lumo-error-text-color)")
                                .set("font-weight", "600");
                    }
                    return s;
                })
                .setHeader("Standing")
                .setFlexGrow(1);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        grid.addItemClickListener(e -> show(e.getItem(), systemId, panel, writes));
        return grid;
    }

    /** One incident in full, with the next steps an officer may take. */
    private void show(Row row, long systemId, VerticalLayout panel, boolean writes) {
        Incident i = row.incident();
        Dialog d = new Dialog();
        d.setHeaderTitle(i.getReference() + " · " + i.getTitle());
        d.setWidth("min(48rem, 95vw)");
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        body.add(
                line("What happened", i.getDescription()),
                line(
                        "Kind",
                        i.getKind().label() + " (" + i.getKind().provision() + ")"
                                + (i.isWidespread() ? "; widespread infringement" : "")),
                line(
                        "Occurred on",
                        i.getOccurredOn() == null
                                ? "not known"
                                : i.getOccurredOn().toString()),
                line(
                        "Aware since",
                        IncidentService.local(i.getAwareAt(), i.getAwareZone()) + ", recorded by " + i.getRaisedBy()),
                line(
                        "Report due by",
                        i.getDeadline() == null
                                ? "no report due (not a serious incident)"
                                : IncidentService.local(i.getDeadline(), i.getAwareZone()) + " — "
                                        + row.standing().label()
                                        + (row.countdown().isEmpty() ? "" : ", " + row.countdown())),
                line(
                        "Reported",
                        i.getReportedAt() == null
                                ? "not yet"
                                : "to " + i.getAuthority() + ", "
                                        + IncidentService.local(i.getReportedAt(), i.getAwareZone())
                                        + (i.isReportComplete() ? " (complete)" : " (initial, incomplete: Art. 73(5))")
                                        + (i.getReportNote() == null ? "" : " — " + i.getReportNote())),
                line(
                        "Provider informed (Art. 26(5))",
                        i.getProviderInformedAt() == null
                                ? "not recorded"
                                : IncidentService.local(i.getProviderInformedAt(), i.getAwareZone())),
                line(
                        "Investigation (Art. 73(6))",
                        i.getInvestigation() == null ? "not yet recorded" : i.getInvestigation()),
                line(
                        "Corrective action",
                        i.getCorrectiveAction() == null ? "not yet recorded" : i.getCorrectiveAction()),
                line(
                        "Status",
                        i.getStatus().label()
                                + (i.getClosedAt() == null
                                        ? ""
                                        : " by " + i.getClosedBy() + ", "
                                                + IncidentService.local(i.getClosedAt(), i.getAwareZone())
                                                + (i.getClosureNote() == null ? "" : " — " + i.getClosureNote()))));
        body.add(PdfLink.of(
                "incident-pdf",
                (i.getKind().serious() ? "Serious incident report" : "Incident report") + ", PDF",
                "incident-" + i.getReference() + ".pdf",
                out -> documents.incidentPdf(i.getId(), out)));
        d.add(body);
        Button done = new Button("Close window", e -> d.close());
        d.getFooter().add(done);
        if (writes && i.getStatus() != Incident.Status.CLOSED) {
            Runnable reload = () -> {
                d.close();
                fill(panel, systemId);
            };
            Button change = new Button("Change", e -> {
                d.close();
                edit(systemId, i, null, panel);
            });
            Button report = new Button("Record the report", e -> report(i, reload));
            report.setId("incident-report");
            report.setVisible(i.getKind().serious());
            Button provider = new Button("Provider informed", e -> providerInformed(i, reload));
            Button follow = new Button("Investigation", e -> followUp(i, reload));
            Button close = new Button("Close the incident", e -> closeIncident(i, reload));
            d.getFooter().add(change, report, provider, follow, close);
        }
        d.open();
    }

    private static Component line(String label, String value) {
        Div div = new Div();
        Span l = new Span(label + ": ");
        l.getStyle().set("font-weight", "600");
        div.add(l, new Span(value));
        return div;
    }

    /** Records a new incident (or one escalated from a finding), or changes one. */
    private void edit(long systemId, Incident existing, Candidate from, VerticalLayout panel) {
        Dialog d = new Dialog();
        d.setHeaderTitle(
                existing != null
                        ? "Change " + existing.getReference()
                        : from != null
                                ? "Escalate finding " + from.findingId() + " to an incident"
                                : "Record an incident");
        d.setWidth("min(48rem, 95vw)");
        TextField title = FormFields.limit(new TextField("Title"), 200);
        TextArea description = FormFields.limit(new TextArea("What happened"), 4000);
        ComboBox<Kind> kind = new ComboBox<>("Kind of incident");
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(Kind::label);
        Checkbox widespread = new Checkbox("A widespread infringement (Art. 3(61)): report within 2 days");
        DatePicker occurred = FormFields.sensible(new DatePicker("Occurred on (if known)"), "occurred");
        DateTimePicker aware = new DateTimePicker("Became aware at");
        aware.setStep(java.time.Duration.ofMinutes(15));
        ComboBox<String> zone = new ComboBox<>("Time zone of that moment");
        zone.setItems(zones());
        zone.setValue("UTC");
        zone.setHelperText("The deadline falls at the same clock time in this zone");
        if (existing != null) {
            title.setValue(existing.getTitle());
            description.setValue(existing.getDescription());
            kind.setValue(existing.getKind());
            widespread.setValue(existing.isWidespread());
            occurred.setValue(existing.getOccurredOn());
            aware.setValue(LocalDateTime.ofInstant(existing.getAwareAt(), existing.getAwareZone()));
            zone.setValue(existing.getAwareZone().getId());
        } else {
            aware.setValue(LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES));
            if (from != null) {
                title.setValue(from.title().length() > 200 ? from.title().substring(0, 199) + "…" : from.title());
                description.setPlaceholder("Left empty: the finding's title, with its number");
            }
        }
        FormLayout form = new FormLayout(title, kind, description, widespread, occurred, aware, zone);
        form.setColspan(description, 2);
        form.setColspan(title, 2);
        d.add(form);
        Map<String, Component> fields = Map.of(
                "title", title,
                "description", description,
                "kind", kind,
                "occurredOn", occurred,
                "awareAt", aware,
                "zone", zone);
        Button save = new Button(existing == null ? "Record" : "Save", e -> {
            Details details = new Details(
                    title.getValue(),
                    description.getValue(),
                    kind.getValue(),
                    widespread.getValue(),
                    occurred.getValue(),
                    aware.getValue(),
                    zone.getValue());
            try {
                Incident saved = existing != null
                        ? incidents.change(existing.getId(), existing.getVersion(), details)
                        : from != null
                                ? incidents.escalate(from.findingId(), details)
                                : incidents.raise(systemId, details);
                d.close();
                done("Recorded " + saved.getReference()
                        + (saved.getDeadline() == null
                                ? "."
                                : "; report due by " + IncidentService.local(saved.getDeadline(), saved.getAwareZone())
                                        + "."));
                fill(panel, systemId);
            } catch (DomainRuleException ex) {
                refuse(ex, fields);
            } catch (OptimisticLockingFailureException ex) {
                d.close();
                error("Someone else changed this incident meanwhile; the page shows it now.");
                fill(panel, systemId);
            }
        });
        save.setId("save-incident");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    private void report(Incident i, Runnable reload) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Report of " + i.getReference() + " to the market surveillance authority");
        d.setWidth("min(40rem, 95vw)");
        TextField authority = FormFields.limit(new TextField("Market surveillance authority"), 300);
        authority.setValue(i.getAuthority() == null ? "" : i.getAuthority());
        DateTimePicker at = new DateTimePicker("Sent at (" + i.getAwareZone().getId() + ")");
        at.setValue(LocalDateTime.now(i.getAwareZone()).truncatedTo(ChronoUnit.MINUTES));
        Checkbox complete = new Checkbox("The report is complete (an initial report may be incomplete, Art. 73(5))");
        complete.setValue(i.isReportComplete());
        TextArea note = FormFields.limit(new TextArea("Note (what was sent, its reference)"), 4000);
        note.setValue(i.getReportNote() == null ? "" : i.getReportNote());
        FormLayout form = new FormLayout(authority, at, complete, note);
        form.setColspan(note, 2);
        form.setColspan(complete, 2);
        d.add(form);
        submit(
                d,
                "Save the report",
                Map.of("authority", authority, "reportedAt", at, "note", note),
                reload,
                () -> incidents.report(
                        i.getId(),
                        i.getVersion(),
                        new Report(authority.getValue(), at.getValue(), complete.getValue(), note.getValue())));
    }

    private void providerInformed(Incident i, Runnable reload) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Provider informed of " + i.getReference() + " (Art. 26(5))");
        DateTimePicker at =
                new DateTimePicker("Informed at (" + i.getAwareZone().getId() + ")");
        at.setValue(LocalDateTime.now(i.getAwareZone()).truncatedTo(ChronoUnit.MINUTES));
        d.add(at);
        submit(
                d,
                "Save",
                Map.of("providerInformedAt", at),
                reload,
                () -> incidents.providerInformed(i.getId(), i.getVersion(), at.getValue()));
    }

    private void followUp(Incident i, Runnable reload) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Investigation of " + i.getReference() + " (Art. 73(6))");
        d.setWidth("min(40rem, 95vw)");
        TextArea investigation = FormFields.limit(new TextArea("What the investigation found"), 4000);
        investigation.setValue(i.getInvestigation() == null ? "" : i.getInvestigation());
        TextArea action = FormFields.limit(new TextArea("Corrective action"), 4000);
        action.setValue(i.getCorrectiveAction() == null ? "" : i.getCorrectiveAction());
        VerticalLayout form = new VerticalLayout(investigation, action);
        form.setPadding(false);
        investigation.setWidthFull();
        action.setWidthFull();
        d.add(form);
        submit(
                d,
                "Save",
                Map.of("investigation", investigation, "correctiveAction", action),
                reload,
                () -> incidents.followUp(
                        i.getId(), i.getVersion(), new FollowUp(investigation.getValue(), action.getValue())));
    }

    private void closeIncident(Incident i, Runnable reload) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Close " + i.getReference());
        TextArea note = FormFields.limit(new TextArea("Closure note"), 4000);
        note.setWidthFull();
        d.add(note);
        submit(
                d,
                "Close the incident",
                Map.of("closureNote", note),
                reload,
                () -> incidents.close(i.getId(), i.getVersion(), note.getValue()));
    }

    private static void submit(
            Dialog d,
            String label,
            Map<String, Component> fields,
            Runnable reload,
            java.util.function.Supplier<Incident> work) {
        Button save = new Button(label, e -> {
            try {
                Incident saved = work.get();
                d.close();
                done("Saved " + saved.getReference() + ".");
                reload.run();
            } catch (DomainRuleException ex) {
                refuse(ex, fields);
            } catch (OptimisticLockingFailureException ex) {
                d.close();
                error("Someone else changed this incident meanwhile; the page shows it now.");
                reload.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    private static List<String> zones() {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("UTC"),
                        ZoneId.getAvailableZoneIds().stream()
                                .filter(z -> z.startsWith("Europe/"))
                                .sorted())
                .toList();
    }

    static void refuse(DomainRuleException e, Map<String, ? extends Component> fields) {
        Component field = e.field() == null ? null : fields.get(e.field());
        if (field instanceof HasValidation v) {
            v.setErrorMessage(e.getMessage());
            v.setInvalid(true);
        } else {
            error(e.getMessage());
        }
    }

    static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static void done(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
