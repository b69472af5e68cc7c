package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import dev.aegis.aims.AimsDocumentService;
import dev.aegis.aims.AimsVocabulary.AimsRole;
import dev.aegis.aims.AuditVocabulary.AuditStatus;
import dev.aegis.aims.AuditVocabulary.CheckResult;
import dev.aegis.aims.AuditVocabulary.FindingKind;
import dev.aegis.aims.InternalAuditService;
import dev.aegis.aims.InternalAuditService.AuditView;
import dev.aegis.aims.InternalAuditService.Check;
import dev.aegis.aims.InternalAuditService.FindingView;
import dev.aegis.aims.InternalAuditService.Named;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.ui.Downloads;
import dev.aegis.shared.ui.FormFields;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * One internal audit: its plan (scope, AI systems, AIMS roles, auditors, dates), the checklist drawn from its criteria,
 * its findings and conclusion, and the audit report. Officers plan and add criteria; the audit's auditors start it,
 * record each criterion and findings, and complete it.
 */
@Route("aims/audit")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR"})
public class InternalAuditPage extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final transient InternalAuditService audits;
    private final AuditPlanDialog planDialog;
    private AuditView audit;
    final H2 heading = new H2();
    final Div facts = new Div();
    final HorizontalLayout actions = new HorizontalLayout();
    final Div scope = new Div();
    final Div conclusion = new Div();
    final Grid<Check> checklist = new Grid<>();
    final Grid<FindingView> findings = new Grid<>();
    final Paragraph checklistEmpty = new Paragraph();
    final Paragraph findingsEmpty = new Paragraph();

    private final transient dev.aegis.aims.NonconformityService ncs;
    private final transient AimsDocumentService aims;

    InternalAuditPage(InternalAuditService audits, AimsDocumentService aims, dev.aegis.aims.NonconformityService ncs) {
        this.audits = audits;
        this.aims = aims;
        this.ncs = ncs;
        setWidthFull();
        planDialog = new AuditPlanDialog(audits, aims.people(), v -> reload());
        actions.setId("aims-audit-actions");
        actions.setWrap(true);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        configureChecklist();
        configureFindings();
        Anchor back = new Anchor("aims/audits", "← Internal audits");
        back.setId("aims-audits-back");
        checklistEmpty.setId("aims-checklist-empty");
        add(
                back,
                heading,
                facts,
                actions,
                new H3("Scope"),
                scope,
                conclusion,
                new H3("Checklist"),
                checklistEmpty,
                checklist,
                new H3("Findings"),
                findingsEmpty,
                findings);
    }

    @Override
    public void setParameter(BeforeEvent event, Long parameter) {
        try {
            audit = audits.get(parameter == null ? -1 : parameter);
            show();
        } catch (NotFoundException e) {
            removeAll();
            add(new H2("Audit not found"), new Paragraph("There is no such internal audit."));
        }
    }

    @Override
    public String getPageTitle() {
        return (audit == null ? "Internal audit" : audit.reference() + " " + audit.title()) + " · Aegis";
    }

    private void configureChecklist() {
        checklist.setId("aims-checklist");
        checklist.setAllRowsVisible(true);
        checklist.getElement().getThemeList().add("wrap-cell-content");
        checklist
                .addColumn(Check::requirement)
                .setHeader("Requirement")
                .setWidth("16rem")
                .setFlexGrow(3);
        checklist
                .addColumn(c -> c.result().label())
                .setHeader("Result")
                .setAutoWidth(true)
                .setFlexGrow(0);
        checklist
                .addColumn(c -> c.notes() == null ? "" : c.notes())
                .setHeader("Notes")
                .setWidth("14rem")
                .setFlexGrow(3);
        checklist
                .addColumn(c -> c.checkedAt() == null ? "" : Dates.minute(c.checkedAt()) + " · " + c.checkedBy())
                .setHeader("Checked")
                .setWidth("12rem")
                .setFlexGrow(1);
        checklist.addItemClickListener(e -> {
            if (audit.status() == AuditStatus.IN_PROGRESS && audits.mayRecord(audit)) {
                openCheck(e.getItem());
            }
        });
    }

    private void configureFindings() {
        findings.setId("aims-audit-findings");
        findings.setAllRowsVisible(true);
        findings.getElement().getThemeList().add("wrap-cell-content");
        findings.addColumn(f -> f.kind().label())
                .setHeader("Kind")
                .setAutoWidth(true)
                .setFlexGrow(0);
        findings.addColumn(FindingView::requirement)
                .setHeader("Requirement")
                .setWidth("12rem")
                .setFlexGrow(2);
        findings.addColumn(FindingView::statement)
                .setHeader("Finding")
                .setWidth("16rem")
                .setFlexGrow(4);
        findings.addColumn(f -> Dates.minute(f.raisedAt()) + " · " + f.raisedBy())
                .setHeader("Raised")
                .setWidth("12rem")
                .setFlexGrow(1);
        findings.addComponentColumn(this::raiseButton)
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
    }

    /** Officers and the audit's auditors raise a nonconformity (or improvement) from a finding, once. */
    private Component raiseButton(FindingView f) {
        if (!(audits.mayPlan() || audits.mayRecord(audit))) {
            return new Div();
        }
        Button b = new Button("Raise nonconformity", e -> {
            Dialog d = new Dialog("Raise from this finding");
            com.vaadin.flow.component.combobox.ComboBox<String> owner =
                    FormFields.people("Owner of the correction", aims.people());
            owner.setWidth("min(30rem, 90vw)");
            d.add(new Paragraph(f.statement()), owner);
            Button ok = new Button("Raise", x -> {
                try {
                    var nc = ncs.raiseFromAuditFinding(f.id(), owner.getValue());
                    d.close();
                    getUI().ifPresent(ui -> ui.navigate(NonconformityPage.class, nc.id()));
                } catch (DomainRuleException ex) {
                    AimsUi.refuse(ex, Map.of("owner", owner));
                }
            });
            ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            d.getFooter().add(new Button("Cancel", x -> d.close()), ok);
            d.open();
        });
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void reload() {
        audit = audits.get(audit.id());
        show();
    }

    void show() {
        heading.setText(audit.reference() + " · " + audit.title());
        facts.removeAll();
        facts.add(
                InternalAuditsView.badge(audit.status()),
                AimsUi.facts(
                        "Planned",
                        Dates.day(audit.plannedFrom())
                                + (audit.plannedTo().equals(audit.plannedFrom())
                                        ? ""
                                        : " to " + Dates.day(audit.plannedTo())),
                        "Auditors",
                        audit.auditors().stream().map(Named::name).collect(Collectors.joining(", ")),
                        "AI systems",
                        audit.systems().stream().map(Named::name).collect(Collectors.joining(", ")),
                        "AIMS roles audited",
                        audit.auditedRoles().stream().map(AimsRole::label).collect(Collectors.joining(", ")),
                        "Started",
                        Dates.minute(audit.startedAt()),
                        "Completed",
                        audit.completedAt() == null
                                ? null
                                : Dates.minute(audit.completedAt()) + " by " + audit.completedBy(),
                        "Cancelled because",
                        audit.cancelReason()));
        scope.removeAll();
        scope.add(AimsUi.text(audit.scope()));
        conclusion.removeAll();
        if (audit.conclusion() != null) {
            conclusion.add(new H3("Conclusion"), AimsUi.text(audit.conclusion()));
        }
        checklist.setItems(audit.checklist());
        checklist.setVisible(!audit.checklist().isEmpty());
        checklistEmpty.setVisible(audit.checklist().isEmpty());
        checklistEmpty.setText(
                audits.mayPlan()
                        ? "No criteria yet. Add criteria: the requirements (of any framework) this audit checks; each"
                                + " becomes a line of the checklist."
                        : "No criteria yet: an officer adds the requirements this audit checks.");
        findings.setItems(audit.findings());
        findings.setVisible(!audit.findings().isEmpty());
        findingsEmpty.setVisible(audit.findings().isEmpty());
        findingsEmpty.setText(
                audit.status() == AuditStatus.IN_PROGRESS
                        ? "No findings yet. The auditors raise nonconformities, observations and opportunities against"
                                + " the criteria."
                        : "No findings.");
        showActions();
    }

    private void showActions() {
        actions.removeAll();
        boolean open = audit.status() == AuditStatus.PLANNED || audit.status() == AuditStatus.IN_PROGRESS;
        boolean recorder = audits.mayRecord(audit);
        if (open && audits.mayPlan()) {
            actions.add(
                    button("aims-audit-edit", "Change the plan", VaadinIcon.EDIT, false, () -> planDialog.open(audit)));
            actions.add(button(
                    "aims-audit-criteria",
                    "Add criteria",
                    VaadinIcon.PLUS,
                    audit.checklist().isEmpty(),
                    this::openCriteria));
        }
        if (audit.status() == AuditStatus.PLANNED && recorder) {
            actions.add(button(
                    "aims-audit-start",
                    "Start the audit",
                    VaadinIcon.PLAY,
                    true,
                    () -> act(() -> audits.start(audit.id(), audit.version()), "Started.")));
        }
        if (audit.status() == AuditStatus.IN_PROGRESS && recorder) {
            actions.add(button("aims-audit-finding", "Raise a finding", VaadinIcon.FLAG, false, this::openFinding));
            actions.add(
                    button("aims-audit-complete", "Complete the audit", VaadinIcon.CHECK, true, this::openComplete));
        }
        if (open && audits.mayPlan()) {
            actions.add(
                    button("aims-audit-cancel", "Cancel the audit", VaadinIcon.CLOSE_SMALL, false, this::openCancel));
        }
        actions.add(Downloads.pdf(
                "aims-audit-report",
                "Audit report (PDF)",
                VaadinIcon.FILE_TEXT_O,
                "internal-audit-" + audit.reference() + ".pdf",
                out -> audits.report(audit.id(), out)));
        if (audit.status() == AuditStatus.PLANNED
                && !recorder
                && !audit.checklist().isEmpty()) {
            actions.add(new Paragraph("The auditors named start the audit and record it."));
        }
    }

    private static Button button(String id, String text, VaadinIcon icon, boolean primary, Runnable action) {
        Button b = new Button(text, new Icon(icon), e -> action.run());
        b.setId(id);
        if (primary) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return b;
    }

    private void act(Supplier<AuditView> step, String done) {
        try {
            audit = step.get();
            AimsUi.done(done);
            show();
        } catch (DomainRuleException ex) {
            AimsUi.error(ex.getMessage());
        } catch (OptimisticLockingFailureException ex) {
            AimsUi.error("Someone else changed this audit meanwhile; the page shows it now.");
            reload();
        }
    }

    void openCriteria() {
        Dialog d = new Dialog("Add criteria to " + audit.reference());
        Select<Named> framework = new Select<>();
        framework.setLabel("Framework");
        framework.setItems(audits.frameworks());
        framework.setItemLabelGenerator(Named::name);
        framework.setWidthFull();
        MultiSelectComboBox<RequirementSummary> requirements = new MultiSelectComboBox<>("Requirements");
        requirements.setItemLabelGenerator(RequirementSummary::label);
        requirements.setWidthFull();
        requirements.setId("aims-criteria-requirements");
        framework.addValueChangeListener(e -> {
            requirements.clear();
            requirements.setItems(
                    e.getValue() == null
                            ? java.util.List.of()
                            : audits.requirementChoices(e.getValue().key()));
        });
        audits.frameworks().stream()
                .filter(f -> f.key().startsWith("ISO-IEC-42001"))
                .findFirst()
                .ifPresent(f -> framework.setValue(framework
                        .getListDataView()
                        .getItems()
                        .filter(x -> x.key().equals(f.key()))
                        .findFirst()
                        .orElse(null)));
        VerticalLayout form = new VerticalLayout(framework, requirements);
        form.setPadding(false);
        form.setWidth("min(40rem, 90vw)");
        d.add(form);
        Button add = new Button("Add", e -> {
            try {
                audit = audits.addCriteria(
                        audit.id(),
                        audit.version(),
                        requirements.getValue().stream()
                                .map(RequirementSummary::id)
                                .toList());
                d.close();
                AimsUi.done("Criteria added to the checklist.");
                show();
            } catch (DomainRuleException ex) {
                AimsUi.refuse(ex, Map.of("requirementIds", requirements));
            } catch (OptimisticLockingFailureException ex) {
                d.close();
                AimsUi.error("Someone else changed this audit meanwhile; the page shows it now.");
                reload();
            }
        });
        add.setId("aims-add-criteria");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), add);
        d.open();
    }

    void openCheck(Check check) {
        Dialog d = new Dialog(check.refId() + " " + check.requirementTitle());
        Select<CheckResult> result = new Select<>();
        result.setLabel("Result");
        result.setItems(CheckResult.values());
        result.setItemLabelGenerator(CheckResult::label);
        result.setValue(check.result());
        result.setWidthFull();
        TextArea notes = FormFields.limit(new TextArea("Notes and evidence seen"), 4000);
        notes.setValue(check.notes() == null ? "" : check.notes());
        notes.setWidthFull();
        VerticalLayout form = new VerticalLayout(new Paragraph(check.requirement()), result, notes);
        form.setPadding(false);
        form.setWidth("min(40rem, 90vw)");
        d.add(form);
        Button save = new Button("Save", e -> {
            try {
                audit = audits.recordCheck(
                        audit.id(), check.id(), check.version(), result.getValue(), notes.getValue());
                d.close();
                AimsUi.done("Recorded.");
                show();
            } catch (DomainRuleException ex) {
                AimsUi.refuse(ex, Map.of("result", result, "notes", notes));
            } catch (OptimisticLockingFailureException ex) {
                d.close();
                AimsUi.error("Someone else recorded this line meanwhile; the page shows it now.");
                reload();
            }
        });
        save.setId("aims-save-check");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    void openFinding() {
        Dialog d = new Dialog("Raise a finding");
        Select<Check> against = new Select<>();
        against.setLabel("Requirement");
        against.setItems(audit.checklist());
        against.setItemLabelGenerator(c -> c.framework() + " " + c.refId() + " " + c.requirementTitle());
        against.setWidthFull();
        Select<FindingKind> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setItems(FindingKind.values());
        kind.setItemLabelGenerator(FindingKind::label);
        kind.setValue(FindingKind.NONCONFORMITY);
        TextArea statement = FormFields.limit(new TextArea("Finding"), 4000);
        statement.setRequiredIndicatorVisible(true);
        statement.setWidthFull();
        TextArea evidence = FormFields.limit(new TextArea("Evidence"), 4000);
        evidence.setWidthFull();
        VerticalLayout form = new VerticalLayout(against, kind, statement, evidence);
        form.setPadding(false);
        form.setWidth("min(40rem, 90vw)");
        d.add(form);
        Button save = new Button("Raise", e -> {
            if (against.getValue() == null) {
                against.setErrorMessage("Choose the requirement the finding is against.");
                against.setInvalid(true);
                return;
            }
            try {
                audits.raiseFinding(
                        audit.id(),
                        against.getValue().id(),
                        kind.getValue(),
                        statement.getValue(),
                        evidence.getValue());
                d.close();
                AimsUi.done("Finding raised.");
                reload();
            } catch (DomainRuleException ex) {
                AimsUi.refuse(
                        ex, Map.<String, Component>of("kind", kind, "statement", statement, "evidence", evidence));
            }
        });
        save.setId("aims-save-finding");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    void openComplete() {
        Dialog d = new Dialog("Complete " + audit.reference());
        TextArea text = FormFields.limit(new TextArea("Conclusion"), 4000);
        text.setRequiredIndicatorVisible(true);
        text.setWidth("min(40rem, 90vw)");
        text.setHelperText(
                audit.unchecked() == 0
                        ? "Every criterion has a result."
                        : audit.unchecked() + " criteria have no result yet: record them first.");
        d.add(text);
        Button save = new Button("Complete", e -> {
            try {
                audit = audits.complete(audit.id(), audit.version(), text.getValue());
                d.close();
                AimsUi.done("Audit completed.");
                show();
            } catch (DomainRuleException ex) {
                AimsUi.refuse(ex, Map.of("conclusion", text));
            } catch (OptimisticLockingFailureException ex) {
                d.close();
                AimsUi.error("Someone else changed this audit meanwhile; the page shows it now.");
                reload();
            }
        });
        save.setId("aims-complete-audit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    void openCancel() {
        Dialog d = new Dialog("Cancel " + audit.reference());
        TextArea reason = FormFields.limit(new TextArea("Why"), 500);
        reason.setWidth("min(32rem, 90vw)");
        d.add(reason);
        Button save = new Button("Cancel the audit", e -> {
            try {
                audit = audits.cancel(audit.id(), audit.version(), reason.getValue());
                d.close();
                show();
            } catch (DomainRuleException ex) {
                AimsUi.refuse(ex, Map.of("reason", reason));
            } catch (OptimisticLockingFailureException ex) {
                d.close();
                reload();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_ERROR);
        d.getFooter().add(new Button("Keep it", e -> d.close()), save);
        d.open();
    }
}
