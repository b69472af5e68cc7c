package dev.aegis.euaiact.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.aegis.euaiact.Fria;
import dev.aegis.euaiact.FriaService;
import dev.aegis.euaiact.FriaService.Content;
import dev.aegis.euaiact.FriaService.LinkedRisk;
import dev.aegis.euaiact.FriaService.Standing;
import dev.aegis.inventory.ui.SystemPagePanel;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.ui.FormFields;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * On an AI system's page: the fundamental rights impact assessment (Art. 27) as a duty with its status — due or not by
 * the classification — its latest version in the six parts of Art. 27(1), the risks it rests on, its approval and the
 * notification of the market surveillance authority.
 */
@org.springframework.stereotype.Component
class FriaPanel implements SystemPagePanel {

    private final FriaService frias;
    private final dev.aegis.euaiact.EuAiActDocuments documents;

    FriaPanel(FriaService frias, dev.aegis.euaiact.EuAiActDocuments documents) {
        this.frias = frias;
        this.documents = documents;
    }

    @Override
    public int order() {
        return 47;
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
        panel.setId("fria");
        panel.setPadding(false);
        fill(panel, systemId);
        return panel;
    }

    private void fill(VerticalLayout panel, long systemId) {
        panel.removeAll();
        Standing s = frias.standing(systemId);
        panel.add(new H3("Fundamental rights impact assessment (Art. 27)"));
        Paragraph duty = new Paragraph((s.due() ? "Due (the classification says so): " : "") + s.status() + ".");
        duty.setId("fria-status");
        boolean open = s.due()
                && s.versions().stream()
                        .noneMatch(f -> f.getStatus() == Fria.Status.APPROVED && f.getAuthorityNotifiedOn() != null);
        if (open) {
            duty.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        }
        panel.add(duty);
        if (!s.due() && s.versions().isEmpty()) {
            return; // not required and never started: the line above says so
        }
        boolean writes = Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
        s.latest()
                .ifPresent(f -> panel.add(
                        content(f, s.systemRisks()),
                        PdfLink.of(
                                "fria-pdf",
                                "Assessment, version " + f.getNumber() + ", PDF",
                                "fria-system-" + systemId + "-v" + f.getNumber() + ".pdf",
                                out -> documents.friaPdf(f.getId(), out))));
        if (!writes) {
            return;
        }
        HorizontalLayout actions = new HorizontalLayout();
        Runnable reload = () -> fill(panel, systemId);
        if (s.latest().isEmpty()) {
            Button start = new Button("Start the assessment", e -> edit(systemId, null, s.systemRisks(), reload));
            start.setId("start-fria");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(start);
        } else {
            Fria f = s.latest().get();
            if (f.getStatus() == Fria.Status.DRAFT) {
                actions.add(
                        new Button("Change the draft", e -> edit(systemId, f, s.systemRisks(), reload)),
                        new Button(
                                "Approve version " + f.getNumber(),
                                e -> act(reload, () -> frias.approve(f.getId(), f.getVersion()))));
            } else {
                actions.add(
                        new Button(
                                "Start version " + (f.getNumber() + 1),
                                e -> act(reload, () -> frias.draft(systemId, null))),
                        new Button("Authority notified", e -> notified(f, reload)));
            }
        }
        panel.add(actions);
    }

    private static Component content(Fria f, List<LinkedRisk> systemRisks) {
        Div div = new Div();
        div.setId("fria-content");
        div.add(new Paragraph(
                "Version " + f.getNumber() + " · " + f.getStatus().label() + " · drafted by " + f.getDraftedBy()));
        div.add(
                line("(a) Processes it is used in", f.getProcesses()),
                line("(b) Period and frequency of use", f.getPeriodAndFrequency()),
                line("(c) People and groups affected", f.getPersonsAffected()),
                line("(d) Specific risks of harm", f.getRisksOfHarm()),
                line("(e) Human oversight", f.getHumanOversight()),
                line("(f) When risks materialise (governance, complaints)", f.getMeasures()));
        List<String> linked = systemRisks.stream()
                .filter(r -> f.getRiskIds().contains(r.id()))
                .map(LinkedRisk::title)
                .toList();
        div.add(line("Rests on the system's risks", linked.isEmpty() ? "none linked" : String.join("; ", linked)));
        return div;
    }

    private static Component line(String label, String value) {
        Div div = new Div();
        Span l = new Span(label + ": ");
        l.getStyle().set("font-weight", "600");
        div.add(l, new Span(value));
        return div;
    }

    private void edit(long systemId, Fria existing, List<LinkedRisk> systemRisks, Runnable reload) {
        Dialog d = new Dialog();
        d.setHeaderTitle(
                existing == null
                        ? "Fundamental rights impact assessment"
                        : "Version " + existing.getNumber() + " of the assessment");
        d.setWidth("min(52rem, 95vw)");
        Map<String, TextArea> parts = new LinkedHashMap<>();
        parts.put("processes", area("(a) The deployer's processes the system is used in"));
        parts.put("periodAndFrequency", area("(b) Period and frequency of use"));
        parts.put("personsAffected", area("(c) Categories of people and groups likely affected"));
        parts.put("risksOfHarm", area("(d) Specific risks of harm to them"));
        parts.put("humanOversight", area("(e) Human oversight measures (per the instructions for use)"));
        parts.put("measures", area("(f) Measures when the risks materialise: internal governance, complaints"));
        MultiSelectComboBox<LinkedRisk> risks = new MultiSelectComboBox<>("The system's risks it rests on");
        risks.setItems(systemRisks);
        risks.setItemLabelGenerator(LinkedRisk::title);
        risks.setWidthFull();
        if (existing != null) {
            parts.get("processes").setValue(existing.getProcesses());
            parts.get("periodAndFrequency").setValue(existing.getPeriodAndFrequency());
            parts.get("personsAffected").setValue(existing.getPersonsAffected());
            parts.get("risksOfHarm").setValue(existing.getRisksOfHarm());
            parts.get("humanOversight").setValue(existing.getHumanOversight());
            parts.get("measures").setValue(existing.getMeasures());
            risks.setValue(systemRisks.stream()
                    .filter(r -> existing.getRiskIds().contains(r.id()))
                    .toList());
        }
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        parts.values().forEach(form::add);
        form.add(risks);
        d.add(form);
        Map<String, Component> fields = new LinkedHashMap<>(parts);
        fields.put("riskIds", risks);
        Button save = new Button("Save", e -> {
            Content c = new Content(
                    parts.get("processes").getValue(),
                    parts.get("periodAndFrequency").getValue(),
                    parts.get("personsAffected").getValue(),
                    parts.get("risksOfHarm").getValue(),
                    parts.get("humanOversight").getValue(),
                    parts.get("measures").getValue(),
                    risks.getValue().stream().map(LinkedRisk::id).toList());
            try {
                if (existing == null) {
                    frias.draft(systemId, c);
                } else {
                    frias.change(existing.getId(), existing.getVersion(), c);
                }
                d.close();
                IncidentsPanel.done("Saved the assessment.");
                reload.run();
            } catch (DomainRuleException ex) {
                IncidentsPanel.refuse(ex, fields);
            } catch (OptimisticLockingFailureException ex) {
                d.close();
                IncidentsPanel.error("Someone else changed the assessment meanwhile; the page shows it now.");
                reload.run();
            }
        });
        save.setId("save-fria");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    private static TextArea area(String label) {
        TextArea a = FormFields.limit(new TextArea(label), 8000);
        a.setWidthFull();
        return a;
    }

    private void notified(Fria f, Runnable reload) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Market surveillance authority notified (Art. 27(3))");
        TextField authority = FormFields.limit(new TextField("Authority"), 300);
        authority.setWidthFull();
        DatePicker on = FormFields.sensible(new DatePicker("Notified on"), "notified");
        on.setValue(LocalDate.now());
        d.add(new VerticalLayout(authority, on));
        Map<String, Component> fields = Map.of("authority", authority, "notifiedOn", on);
        Button save = new Button("Save", e -> {
            try {
                frias.notified(f.getId(), f.getVersion(), authority.getValue(), on.getValue());
                d.close();
                IncidentsPanel.done("Recorded the notification.");
                reload.run();
            } catch (DomainRuleException ex) {
                IncidentsPanel.refuse(ex, fields);
            } catch (OptimisticLockingFailureException ex) {
                d.close();
                IncidentsPanel.error("Someone else changed the assessment meanwhile; the page shows it now.");
                reload.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    private static void act(Runnable reload, Supplier<Fria> work) {
        try {
            work.get();
            IncidentsPanel.done("Saved.");
        } catch (DomainRuleException ex) {
            IncidentsPanel.error(ex.getMessage());
        } catch (OptimisticLockingFailureException ex) {
            IncidentsPanel.error("Someone else changed the assessment meanwhile; the page shows it now.");
        }
        reload.run();
    }
}
