package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import dev.aegis.aims.AimsDocumentService.SystemRef;
import dev.aegis.aims.ImpactAssessmentService;
import dev.aegis.aims.ImpactAssessmentService.Details;
import dev.aegis.aims.ImpactAssessmentService.Impact;
import dev.aegis.aims.ImpactAssessmentService.ImpactAssessmentView;
import dev.aegis.aims.ImpactAssessmentService.ImpactRiskRef;
import dev.aegis.aims.ImpactAssessmentService.ImpactVersionView;
import dev.aegis.aims.ImpactAssessmentService.ImpactView;
import dev.aegis.aims.ImpactVocabulary;
import dev.aegis.aims.ImpactVocabulary.Affected;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.ui.FormFields;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * One AI system impact assessment: the version shown (the latest, or an older one picked), its impacts with their
 * rating and the risks that carry them, the flag when a high impact names no risk; officers edit the draft, approve
 * someone else's draft and start the next version. Without a parameter ({@code aims/impact-assessment}) it starts a
 * new assessment.
 */
@Route("aims/impact-assessment")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR"})
public class ImpactAssessmentPage extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final transient ImpactAssessmentService assessments;
    private ImpactAssessmentView assessment;
    private final List<Impact> working = new ArrayList<>();
    private List<ImpactRiskRef> riskChoices = List.of();

    final H2 heading = new H2();
    final Div facts = new Div();
    final Paragraph flag = new Paragraph();
    final Select<ImpactVersionView> versionPicker = new Select<>();
    final HorizontalLayout buttons = new HorizontalLayout();
    final Div reading = new Div();
    final Grid<ImpactView> impacts = new Grid<>();
    final Paragraph impactsEmpty = new Paragraph();

    // the form, shown while a draft is edited or an assessment started
    final VerticalLayout form = new VerticalLayout();
    final ComboBox<SystemRef> system = new ComboBox<>("AI system");
    final ComboBox<String> owner;
    final IntegerField retention = new IntegerField("Retention (years)");
    final TextArea intendedUse = FormFields.limit(new TextArea("The AI system and its intended use"), 4000);
    final TextArea misuse = FormFields.limit(new TextArea("Foreseeable misuse"), 4000);
    final TextArea stakeholders = FormFields.limit(new TextArea("Stakeholders and affected groups"), 4000);
    final Grid<Impact> impactRows = new Grid<>();
    final Button addImpact = new Button("Add an impact", new Icon(VaadinIcon.PLUS));
    final Paragraph impactsError = new Paragraph();
    final TextArea measures = FormFields.limit(new TextArea("Measures"), 4000);
    final TextArea residual = FormFields.limit(new TextArea("Residual impact"), 4000);
    final DatePicker reviewBy = FormFields.sensible(new DatePicker("Review by"), "The review date");
    final TextField changeNote = FormFields.limit(new TextField("What changed in this version"), 500);
    final Button save = new Button("Save");

    // one impact, in its dialog
    final Dialog impactDialog = new Dialog();
    final Select<Affected> on = new Select<>();
    final TextArea impactDescription = FormFields.limit(new TextArea("Impact"), 2000);
    final Select<Integer> likelihood = new Select<>();
    final Select<Integer> severity = new Select<>();
    final MultiSelectComboBox<ImpactRiskRef> risks = new MultiSelectComboBox<>("Risks that carry it");
    final Button keepImpact = new Button("Keep");
    final Button removeImpact = new Button("Remove");
    private int impactIndex = -1;

    final Dialog approveDialog = new Dialog();
    final DatePicker effectiveFrom = FormFields.sensible(new DatePicker("In force from"), "The effective date");

    ImpactAssessmentPage(ImpactAssessmentService assessments) {
        this.assessments = assessments;
        this.owner = FormFields.people("Owner", assessments.people());
        setWidthFull();
        buttons.setWrap(true);
        buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        buttons.setId("aims-ia-actions");
        flag.setId("aims-ia-flag");
        flag.addClassName("aegis-problems");
        versionPicker.setLabel("Version");
        versionPicker.setItemLabelGenerator(
                v -> "Version " + v.number() + " · " + v.stage().label());
        versionPicker.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                showVersion(e.getValue());
            }
        });
        configureImpacts();
        configureForm();
        configureImpactDialog();
        configureApproveDialog();
        add(new Anchor("aims/impact-assessments", "← Impact assessments"), heading, facts, buttons, flag, reading);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long parameter) {
        if (parameter == null) {
            if (!assessments.mayWrite()) {
                removeAll();
                add(new H2("Not found"), new Paragraph("Only governance officers start impact assessments."));
                return;
            }
            assessment = null;
            startNew();
            return;
        }
        try {
            assessment = assessments.get(parameter);
            show();
        } catch (NotFoundException e) {
            removeAll();
            add(new H2("Not found"), new Paragraph("There is no such impact assessment."));
        }
    }

    @Override
    public String getPageTitle() {
        return (assessment == null ? "Impact assessment" : assessment.reference() + " " + assessment.systemName())
                + " · Aegis";
    }

    private void configureImpacts() {
        impacts.setId("aims-ia-impacts");
        impacts.setAllRowsVisible(true);
        impacts.getElement().getThemeList().add("wrap-cell-content");
        impacts.addColumn(i -> i.on().label()).setHeader("On").setWidth("8rem").setFlexGrow(0);
        impacts.addColumn(ImpactView::description)
                .setHeader("Impact")
                .setWidth("14rem")
                .setFlexGrow(3);
        impacts.addColumn(ImpactView::rating)
                .setHeader("Likelihood × severity")
                .setWidth("12rem")
                .setFlexGrow(1);
        impacts.addComponentColumn(ImpactAssessmentPage::riskCell)
                .setHeader("Risks")
                .setWidth("12rem")
                .setFlexGrow(2);
        impactsEmpty.setText("This version names no impact.");
    }

    private static Component riskCell(ImpactView i) {
        if (i.flagged()) {
            Span s = new Span("High impact, no risk: raise one in the risk register and link it");
            s.addClassName("aegis-badge");
            s.addClassName("aegis-badge-changed");
            return s;
        }
        return new Span(i.risks().isEmpty() ? "None" : i.riskLabels());
    }

    private void configureForm() {
        system.setItemLabelGenerator(SystemRef::name);
        system.setRequired(true);
        system.addValueChangeListener(e -> {
            riskChoices = e.getValue() == null
                    ? List.of()
                    : assessments.riskChoices(e.getValue().id());
            risks.setItems(riskChoices);
        });
        owner.setRequiredIndicatorVisible(true);
        owner.setWidth("20rem");
        retention.setWidth("22rem");
        retention.setMin(1);
        retention.setMax(100);
        retention.setStepButtonsVisible(true);
        retention.setHelperText("How long a version is kept after it is superseded (ISO/IEC 42001 7.5.3)");
        for (TextArea t : List.of(intendedUse, misuse, stakeholders, measures, residual)) {
            t.setRequired(true);
            t.setWidthFull();
        }
        changeNote.setWidthFull();
        reviewBy.setRequiredIndicatorVisible(true);
        impactRows.setId("aims-ia-impact-rows");
        impactRows.setAllRowsVisible(true);
        impactRows.getElement().getThemeList().add("wrap-cell-content");
        impactRows
                .addColumn(i -> i.on() == null ? "" : i.on().label())
                .setHeader("On")
                .setWidth("8rem")
                .setFlexGrow(0);
        impactRows.addColumn(Impact::description).setHeader("Impact").setFlexGrow(3);
        impactRows
                .addColumn(i -> i.likelihood() + " × " + i.severity() + " = " + i.likelihood() * i.severity())
                .setHeader("Likelihood × severity")
                .setAutoWidth(true)
                .setFlexGrow(0);
        impactRows
                .addColumn(i -> i.risks().isEmpty()
                        ? (i.likelihood() * i.severity() >= 8 ? "None — high impact, will be flagged" : "None")
                        : riskChoices.stream()
                                .filter(r -> i.risks().contains(r.id()))
                                .map(ImpactRiskRef::label)
                                .collect(Collectors.joining("; ")))
                .setHeader("Risks")
                .setFlexGrow(2);
        impactRows.addItemClickListener(e -> openImpact(working.indexOf(e.getItem())));
        addImpact.setId("aims-ia-add-impact");
        addImpact.addClickListener(e -> openImpact(-1));
        impactsError.addClassName("aegis-form-error");
        impactsError.setVisible(false);
        save.setId("aims-ia-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        HorizontalLayout keeping = new HorizontalLayout(owner, retention);
        keeping.setWrap(true);
        form.setPadding(false);
        form.setMaxWidth("60rem");
        form.add(
                system,
                keeping,
                intendedUse,
                misuse,
                stakeholders,
                section("Impacts on individuals, groups and society"),
                impactsError,
                impactRows,
                addImpact,
                measures,
                residual,
                reviewBy,
                changeNote,
                new HorizontalLayout(save, new Button("Cancel", e -> cancelEdit())));
    }

    private void configureImpactDialog() {
        on.setLabel("On");
        on.setItems(Affected.values());
        on.setItemLabelGenerator(Affected::label);
        likelihood.setLabel("Likelihood");
        likelihood.setItems(IntStream.rangeClosed(1, 5).boxed().toList());
        likelihood.setItemLabelGenerator(n -> n + " " + ImpactVocabulary.likelihood(n));
        severity.setLabel("Severity");
        severity.setItems(IntStream.rangeClosed(1, 5).boxed().toList());
        severity.setItemLabelGenerator(n -> n + " " + ImpactVocabulary.severity(n));
        risks.setItemLabelGenerator(ImpactRiskRef::label);
        risks.setHelperText("The risks of this AI system in the register that carry the impact");
        impactDescription.setWidthFull();
        risks.setWidthFull();
        HorizontalLayout rating = new HorizontalLayout(on, likelihood, severity);
        rating.setWrap(true);
        VerticalLayout body = new VerticalLayout(rating, impactDescription, risks);
        body.setPadding(false);
        body.setWidth("min(40rem, 90vw)");
        impactDialog.add(body);
        keepImpact.setId("aims-ia-keep-impact");
        keepImpact.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        keepImpact.addClickListener(e -> keepImpact());
        removeImpact.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        removeImpact.addClickListener(e -> {
            working.remove(impactIndex);
            impactRows.setItems(working);
            impactDialog.close();
        });
        impactDialog.getFooter().add(removeImpact, new Button("Close", e -> impactDialog.close()), keepImpact);
    }

    private void configureApproveDialog() {
        approveDialog.setHeaderTitle("Approve this version");
        effectiveFrom.setRequiredIndicatorVisible(true);
        approveDialog.add(
                new Paragraph("You approve what the draft says (four-eyes rule: not its last editor). It is in force "
                        + "from the date below and supersedes the version in force now."),
                effectiveFrom);
        Button confirm = new Button("Approve", e -> {
            if (!FormFields.holdsInput(effectiveFrom)) {
                return;
            }
            step(
                    () -> assessments.approve(assessment.id(), assessment.version(), effectiveFrom.getValue()),
                    "Approved.",
                    Map.of("effectiveFrom", effectiveFrom));
        });
        confirm.setId("aims-ia-confirm-approve");
        confirm.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        approveDialog.getFooter().add(new Button("Close", e -> approveDialog.close()), confirm);
    }

    void show() {
        heading.setText(assessment.reference() + " · " + assessment.systemName());
        versionPicker.setItems(assessment.versions());
        versionPicker.setValue(assessment.latest());
        showVersion(assessment.latest());
    }

    private void showVersion(ImpactVersionView v) {
        boolean write = assessments.mayWrite();
        facts.removeAll();
        facts.add(
                ImpactAssessmentsView.stage(v),
                AimsUi.facts(
                        "Owner",
                        assessments.name(assessment.owner()),
                        "Edited",
                        Dates.minute(v.editedAt()) + " by " + assessments.name(v.editedBy()),
                        "Approved",
                        v.approvedAt() == null
                                ? null
                                : Dates.minute(v.approvedAt()) + " by " + assessments.name(v.approvedBy()),
                        "In force from",
                        v.effectiveFrom() == null ? null : Dates.day(v.effectiveFrom()),
                        "Superseded",
                        v.supersededAt() == null ? null : Dates.minute(v.supersededAt()),
                        "Review by",
                        Dates.day(v.reviewBy())
                                + (v.stage() == ImpactVocabulary.Stage.APPROVED
                                                && v.reviewBy().isBefore(LocalDate.now(ZoneOffset.UTC))
                                        ? " (overdue: start a new version)"
                                        : ""),
                        "Retention",
                        ImpactVocabulary.count(assessment.retentionYears(), "year"),
                        "What changed",
                        v.changeNote()));
        flag.setText(v.flag() == null ? "" : v.flag());
        flag.setVisible(v.flag() != null);
        buttons.removeAll();
        if (assessment.versions().size() > 1) {
            buttons.add(versionPicker);
        }
        if (write && assessment.draft().isPresent()) {
            Button edit = new Button("Edit the draft", new Icon(VaadinIcon.EDIT), e -> edit());
            edit.setId("aims-ia-edit");
            Button approve = new Button("Approve", e -> {
                effectiveFrom.setValue(LocalDate.now(ZoneOffset.UTC));
                approveDialog.open();
            });
            approve.setId("aims-ia-approve");
            approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            buttons.add(edit, approve);
        } else if (write) {
            Button revise = new Button(
                    "Start a new version",
                    new Icon(VaadinIcon.COPY),
                    e -> step(() -> assessments.revise(assessment.id(), assessment.version()), "New draft.", Map.of()));
            revise.setId("aims-ia-revise");
            buttons.add(revise);
        }
        buttons.setVisible(buttons.getComponentCount() > 0);
        reading.removeAll();
        reading.setWidthFull();
        reading.add(
                section("The AI system and its intended use"),
                AimsUi.text(v.intendedUse()),
                section("Foreseeable misuse"),
                AimsUi.text(v.misuse()),
                section("Stakeholders and affected groups"),
                AimsUi.text(v.stakeholders()),
                section("Impacts on individuals, groups and society"));
        impacts.setItems(v.impacts());
        impacts.setVisible(!v.impacts().isEmpty());
        impactsEmpty.setVisible(v.impacts().isEmpty());
        reading.add(
                impactsEmpty,
                impacts,
                section("Measures"),
                AimsUi.text(v.measures()),
                section("Residual impact"),
                AimsUi.text(v.residualImpact()));
    }

    /** A section heading with room above and below: it never sits tight against the text or table it heads. */
    static H3 section(String title) {
        H3 h = new H3(title);
        h.getStyle().set("margin", "var(--lumo-space-l) 0 var(--lumo-space-s)");
        return h;
    }

    private void startNew() {
        heading.setText("Assess an AI system");
        facts.removeAll();
        facts.add(new Paragraph("Describe the AI system as it is used, who it touches and how; weigh each impact with "
                + "the risk register's 1–5 scales and name the risks that carry it. Save the draft; another officer "
                + "approves it."));
        flag.setVisible(false);
        buttons.setVisible(false);
        system.setItems(assessments.systemChoices());
        system.setVisible(true);
        FormFields.show(owner, dev.aegis.shared.Actors.current());
        retention.setValue(10);
        for (TextArea t : List.of(intendedUse, misuse, stakeholders, measures, residual)) {
            t.clear();
        }
        reviewBy.setValue(LocalDate.now(ZoneOffset.UTC).plusYears(1));
        changeNote.clear();
        working.clear();
        impactRows.setItems(working);
        reading.removeAll();
        reading.add(form);
    }

    void edit() {
        ImpactVersionView draft = assessment.draft().orElseThrow();
        riskChoices = assessments.riskChoices(assessment.system().id());
        risks.setItems(riskChoices);
        system.setVisible(false);
        FormFields.show(owner, assessment.owner());
        retention.setValue(assessment.retentionYears());
        Details d = draft.details();
        intendedUse.setValue(d.intendedUse());
        misuse.setValue(d.misuse());
        stakeholders.setValue(d.stakeholders());
        measures.setValue(d.measures());
        residual.setValue(d.residualImpact());
        reviewBy.setValue(d.reviewBy());
        changeNote.setValue(d.changeNote() == null ? "" : d.changeNote());
        working.clear();
        working.addAll(d.impacts());
        impactRows.setItems(working);
        buttons.setVisible(false);
        reading.removeAll();
        reading.add(form);
    }

    private void cancelEdit() {
        if (assessment == null) {
            getUI().ifPresent(ui -> ui.navigate(ImpactAssessmentsView.class));
        } else {
            show();
        }
    }

    void openImpact(int index) {
        impactIndex = index;
        Impact i = index < 0 ? null : working.get(index);
        impactDialog.setHeaderTitle(index < 0 ? "Add an impact" : "Impact " + (index + 1));
        on.setValue(i == null ? Affected.INDIVIDUALS : i.on());
        impactDescription.setValue(i == null ? "" : i.description());
        likelihood.setValue(i == null ? 3 : i.likelihood());
        severity.setValue(i == null ? 3 : i.severity());
        risks.setValue(
                i == null
                        ? Set.of()
                        : riskChoices.stream()
                                .filter(r -> i.risks().contains(r.id()))
                                .collect(Collectors.toSet()));
        impactDescription.setInvalid(false);
        removeImpact.setVisible(index >= 0);
        impactDialog.open();
    }

    void keepImpact() {
        String text = impactDescription.getValue().strip();
        if (text.isEmpty()) {
            impactDescription.setErrorMessage("Describe the impact: what happens to whom.");
            impactDescription.setInvalid(true);
            return;
        }
        Impact i = new Impact(
                on.getValue(),
                text,
                likelihood.getValue(),
                severity.getValue(),
                risks.getValue().stream().map(ImpactRiskRef::id).collect(Collectors.toCollection(LinkedHashSet::new)));
        if (impactIndex < 0) {
            working.add(i);
        } else {
            working.set(impactIndex, i);
        }
        impactRows.setItems(working);
        impactDialog.close();
    }

    void save() {
        if (!FormFields.holdsInput(reviewBy)) {
            return;
        }
        Details d = new Details(
                intendedUse.getValue(),
                misuse.getValue(),
                stakeholders.getValue(),
                List.copyOf(working),
                measures.getValue(),
                residual.getValue(),
                reviewBy.getValue(),
                changeNote.getValue());
        Map<String, Component> fields = Map.of(
                "system", system,
                "owner", owner,
                "retentionYears", retention,
                "intendedUse", intendedUse,
                "misuse", misuse,
                "stakeholders", stakeholders,
                "measures", measures,
                "residualImpact", residual,
                "reviewBy", reviewBy,
                "changeNote", changeNote);
        impactsError.setVisible(false);
        try {
            if (assessment == null) {
                if (system.getValue() == null) {
                    system.setErrorMessage("Choose the AI system to assess.");
                    system.setInvalid(true);
                    return;
                }
                ImpactAssessmentView started =
                        assessments.start(system.getValue().id(), owner.getValue(), retention.getValue(), d);
                AimsUi.done("Saved as " + started.reference() + ".");
                getUI().ifPresent(ui -> ui.navigate(ImpactAssessmentPage.class, started.id()));
            } else {
                assessment = assessments.change(
                        assessment.id(), assessment.version(), owner.getValue(), retention.getValue(), d);
                AimsUi.done("Saved.");
                show();
            }
        } catch (DomainRuleException ex) {
            if ("impacts".equals(ex.field())) {
                impactsError.setText(ex.getMessage());
                impactsError.setVisible(true);
            } else {
                AimsUi.refuse(ex, fields);
            }
        } catch (OptimisticLockingFailureException ex) {
            AimsUi.error("Someone else changed this assessment meanwhile; it shows their version now.");
            assessment = assessments.get(assessment.id());
            show();
        }
    }

    private void step(Supplier<ImpactAssessmentView> work, String message, Map<String, ? extends Component> fields) {
        try {
            assessment = work.get();
            approveDialog.close();
            AimsUi.done(message);
            show();
        } catch (DomainRuleException ex) {
            if (fields.get(ex.field()) instanceof HasValidation) {
                AimsUi.refuse(ex, fields);
            } else {
                AimsUi.error(ex.getMessage());
            }
        } catch (OptimisticLockingFailureException ex) {
            approveDialog.close();
            AimsUi.error("Someone else changed this assessment meanwhile; it shows their version now.");
            assessment = assessments.get(assessment.id());
            show();
        }
    }
}
