package dev.aegis.euaiact.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.euaiact.ActWords;
import dev.aegis.euaiact.Answers;
import dev.aegis.euaiact.Answers.ActRole;
import dev.aegis.euaiact.Answers.Derogation;
import dev.aegis.euaiact.Answers.Gpai;
import dev.aegis.euaiact.Answers.ProhibitedPractice;
import dev.aegis.euaiact.Answers.TransparencyCase;
import dev.aegis.euaiact.ClassificationService;
import dev.aegis.euaiact.ClassificationService.Standing;
import dev.aegis.euaiact.Classifier;
import dev.aegis.euaiact.Classifier.Outcome;
import dev.aegis.euaiact.Duties.Duty;
import dev.aegis.inventory.Classification.EuAiActRole;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.ui.FormFields;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The EU AI Act classification questionnaire of one AI system at {@code systems/<id>/eu-ai-act}, one question group
 * per step, in the Act's order, in words (the provision beside each). The last step shows what the answers decide
 * before anything is kept. Officers may instead decide tier and role themselves, with a reason.
 */
@Route("systems/:id(\\d+)/eu-ai-act")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER"})
public class ClassificationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final String YES = "Yes";
    private static final String NO = "No";

    private final transient ClassificationService classifications;
    private long systemId;
    private int step;
    final H2 heading = new H2();
    final Span progress = new Span();
    final Div body = new Div();
    final Button back = new Button("Back");
    final Button next = new Button("Next");
    final Button keep = new Button("Keep this classification");

    final RadioButtonGroup<String> aiSystem = yesNo("Is it an AI system?");
    final CheckboxGroup<ProhibitedPractice> prohibited = new CheckboxGroup<>("Does it perform any of these practices?");
    final RadioButtonGroup<String> annexI = yesNo(
            "Is it a safety component of a product, or itself a product, covered by "
                    + "the Union harmonisation legislation of Annex I (machinery, toys, lifts, radio equipment, medical devices, "
                    + "in vitro diagnostics, vehicles, aviation…) that must undergo a third-party conformity assessment?");
    final CheckboxGroup<String> annexIII = new CheckboxGroup<>("Is it intended for any of these uses (Annex III)?");
    final RadioButtonGroup<String> profiling =
            yesNo("Does it profile natural persons (automated evaluation of personal "
                    + "aspects such as work performance, economic situation, health, preferences, behaviour)?");
    final CheckboxGroup<Derogation> derogation =
            new CheckboxGroup<>("Does any of these conditions hold (Art. 6(3))? Leave empty when none does.");
    final TextArea reasoning = new TextArea("Why it poses no significant risk of harm (Art. 6(4) documentation)");
    final CheckboxGroup<TransparencyCase> transparency = new CheckboxGroup<>("Which of these describe it (Art. 50)?");
    final RadioButtonGroup<Gpai> gpai =
            new RadioButtonGroup<>("Does the organisation provide a general-purpose AI model with it (Art. 3(63))?");
    final CheckboxGroup<ActRole> roles = new CheckboxGroup<>("The organisation's role for this system (Art. 3)");
    final RadioButtonGroup<String> publicService = yesNo("Is the organisation a body governed by public law, or a "
            + "private entity providing public services (Art. 27(1))?");
    private String title = "EU AI Act classification · Aegis";

    ClassificationView(ClassificationService classifications) {
        this.classifications = classifications;
        setId("eu-ai-act-questionnaire");
        setMaxWidth("70rem");
        configureFields();
        back.setId("questionnaire-back");
        next.setId("questionnaire-next");
        keep.setId("questionnaire-keep");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        back.addClickListener(e -> show(step - 1));
        next.addClickListener(e -> show(step + 1));
        keep.addClickListener(e -> keep());
        // Alt+Right and Alt+Left step through the questionnaire from anywhere in it; Tab and Space answer
        next.addClickShortcut(Key.ARROW_RIGHT, com.vaadin.flow.component.KeyModifier.ALT);
        back.addClickShortcut(Key.ARROW_LEFT, com.vaadin.flow.component.KeyModifier.ALT);
        progress.setId("questionnaire-progress");
        body.setWidthFull();
        add(heading, progress, body, new HorizontalLayout(back, next, keep));
    }

    private void configureFields() {
        prohibited.setItems(ProhibitedPractice.values());
        prohibited.setItemLabelGenerator(p -> p.words() + " (Art. " + p.citation() + ")");
        prohibited.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        annexIII.setItems(Classifier.ANNEX_III.keySet());
        annexIII.setItemLabelGenerator(p -> Classifier.ANNEX_III.get(p) + " (Annex III " + p + ")");
        annexIII.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        derogation.setItems(Derogation.values());
        derogation.setItemLabelGenerator(d -> d.words() + " (Art. " + d.citation() + ")");
        derogation.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        FormFields.limit(reasoning, 4000);
        reasoning.setWidthFull();
        reasoning.setHelperText("Required when a condition above holds; kept with the classification and given to the "
                + "authorities on request.");
        transparency.setItems(TransparencyCase.values());
        transparency.setItemLabelGenerator(t -> t.words() + " (Art. " + t.citation() + ")");
        transparency.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        gpai.setItems(Gpai.values());
        gpai.setItemLabelGenerator(Gpai::words);
        gpai.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        gpai.setValue(Gpai.NONE);
        roles.setItems(ActRole.values());
        roles.setItemLabelGenerator(ActRole::words);
        roles.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        aiSystem.setValue(YES);
        annexI.setValue(NO);
        profiling.setValue(NO);
        publicService.setValue(NO);
        for (Component c : List.of(
                aiSystem,
                prohibited,
                annexI,
                annexIII,
                profiling,
                derogation,
                transparency,
                gpai,
                roles,
                publicService)) {
            c.getElement().getStyle().set("width", "100%");
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        systemId = event.getRouteParameters().getLong("id").orElse(-1L);
        Standing standing;
        try {
            standing = classifications.standing(systemId);
        } catch (NotFoundException e) {
            heading.setText("No such AI system");
            body.removeAll();
            body.add(new Paragraph("There is no AI system " + systemId + ". Find it in the inventory."));
            back.setVisible(false);
            next.setVisible(false);
            keep.setVisible(false);
            return;
        }
        title = "EU AI Act: " + standing.systemName() + " · Aegis";
        heading.setText("EU AI Act classification: " + standing.systemName());
        standing.current()
                .flatMap(c -> classifications.answers(systemId, c.getNumber()))
                .ifPresent(this::fill);
        show(0);
    }

    private void fill(Answers a) {
        aiSystem.setValue(a.aiSystem() ? YES : NO);
        prohibited.setValue(a.prohibitedPractices());
        annexI.setValue(a.annexISafetyComponent() ? YES : NO);
        annexIII.setValue(a.annexIIIUses());
        profiling.setValue(a.profiling() ? YES : NO);
        derogation.setValue(a.derogationConditions());
        reasoning.setValue(a.derogationReasoning());
        transparency.setValue(a.transparencyCases());
        gpai.setValue(a.gpai());
        roles.setValue(a.roles());
        publicService.setValue(a.publicService() ? YES : NO);
    }

    private record Step(String title, String explanation, List<Component> fields) {}

    private List<Step> steps() {
        return List.of(
                new Step(
                        "Is it an AI system?",
                        "Art. 3(1): a machine-based system designed to operate with some autonomy, which may adapt after "
                                + "deployment, and which infers from its input how to generate outputs such as "
                                + "predictions, content, recommendations or decisions. Rule-based software that only "
                                + "executes rules people defined is not.",
                        List.of(aiSystem)),
                new Step(
                        "Prohibited practices",
                        "Art. 5(1) forbids these practices outright since 2 February 2025. Tick none when none applies.",
                        List.of(prohibited)),
                new Step(
                        "Products under Annex I",
                        "Art. 6(1): such a system is high-risk (obligations from 2 August 2027).",
                        List.of(annexI)),
                new Step(
                        "High-risk uses (Annex III)",
                        "Art. 6(2): a system intended for one of these uses is high-risk, unless it poses no significant "
                                + "risk of harm because one of the Art. 6(3) conditions holds, which never applies when it "
                                + "profiles people.",
                        List.of(annexIII, profiling, derogation, reasoning)),
                new Step(
                        "Transparency",
                        "Art. 50: people must know they deal with an AI system or with generated content.",
                        List.of(transparency)),
                new Step(
                        "General-purpose AI models",
                        "Chapter V applies to providers of general-purpose AI models since 2 August 2025; those with "
                                + "systemic risk (Art. 51) have more duties.",
                        List.of(gpai)),
                new Step(
                        "The organisation's role",
                        "The duties follow the role: a provider builds and places on the market, a deployer uses. "
                                + "Choose every role that applies.",
                        List.of(roles, publicService)),
                new Step(
                        "What the answers decide",
                        "Nothing is kept until you press Keep this classification.",
                        List.of()));
    }

    private void show(int to) {
        List<Step> steps = steps();
        if (to < 0 || to >= steps.size()) {
            return;
        }
        if (to > step && step == 6 && roles.getValue().isEmpty() && YES.equals(aiSystem.getValue())) {
            roles.setInvalid(true);
            roles.setErrorMessage("Choose at least one role.");
            return;
        }
        roles.setInvalid(false);
        // not an AI system: nothing else to ask
        if (to > step && step == 0 && NO.equals(aiSystem.getValue())) {
            to = steps.size() - 1;
        } else if (to < step && step == steps.size() - 1 && NO.equals(aiSystem.getValue())) {
            to = 0;
        }
        step = to;
        Step s = steps.get(step);
        progress.setText("Step " + (step + 1) + " of " + steps.size() + ": " + s.title());
        body.removeAll();
        body.add(new H3(s.title()), new Paragraph(s.explanation()));
        s.fields().forEach(body::add);
        if (step == steps.size() - 1) {
            body.add(summary());
        }
        back.setEnabled(step > 0);
        next.setVisible(step < steps.size() - 1);
        keep.setVisible(step == steps.size() - 1);
        if (!s.fields().isEmpty() && s.fields().getFirst() instanceof com.vaadin.flow.component.Focusable<?> f) {
            f.focus();
        } else if (step == steps.size() - 1) {
            keep.focus();
        }
    }

    Answers answers() {
        return new Answers(
                YES.equals(aiSystem.getValue()),
                prohibited.getValue(),
                YES.equals(annexI.getValue()),
                annexIII.getValue(),
                YES.equals(profiling.getValue()),
                derogation.getValue(),
                reasoning.getValue(),
                transparency.getValue(),
                gpai.getValue(),
                roles.getValue(),
                YES.equals(publicService.getValue()));
    }

    private Component summary() {
        Div summary = new Div();
        summary.setId("questionnaire-summary");
        Outcome outcome;
        try {
            outcome = classifications.preview(answers());
        } catch (DomainRuleException e) {
            Paragraph problem = new Paragraph(e.getMessage() + " Go back and complete that answer.");
            problem.setId("questionnaire-problem");
            problem.getStyle().set("color", "var(--lumo-error-text-color)");
            keep.setEnabled(false);
            summary.add(problem);
            return summary;
        }
        keep.setEnabled(true);
        Paragraph decided = new Paragraph(
                ActWords.tier(outcome.tier()) + " · " + ActWords.role(outcome.role()) + " · " + outcome.basis());
        decided.setId("questionnaire-outcome");
        decided.getStyle().set("font-weight", "600");
        UnorderedList grounds = new UnorderedList();
        outcome.grounds().forEach(g -> grounds.add(new ListItem(g)));
        UnorderedList duties = new UnorderedList();
        duties.setId("questionnaire-duties");
        for (Duty d : classifications.duties(outcome)) {
            duties.add(new ListItem(d.article() + " (applies from " + Dates.day(d.appliesFrom()) + "): " + d.why()));
        }
        summary.add(decided, grounds, new H3("The articles that will apply"), duties, override(outcome));
        return summary;
    }

    private void keep() {
        try {
            var record = classifications.submit(systemId, answers());
            Notification.show(
                            "Classification " + record.getNumber() + " kept: " + ActWords.tier(record.getTier()) + ".")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            UI.getCurrent().navigate("systems/" + systemId);
        } catch (DomainRuleException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** An officer's own decision on tier and role, with the reason, instead of the questionnaire's. */
    private Component override(Outcome outcome) {
        ComboBox<EuAiActTier> tier = new ComboBox<>("Tier");
        tier.setItems(EuAiActTier.values());
        tier.setItemLabelGenerator(ActWords::tier);
        tier.setValue(outcome.tier());
        ComboBox<EuAiActRole> role = new ComboBox<>("Role");
        role.setItems(EuAiActRole.values());
        role.setItemLabelGenerator(ActWords::role);
        role.setValue(outcome.role());
        TextArea reason = FormFields.limit(new TextArea("Why the tier and role differ from the questionnaire"), 4000);
        reason.setId("override-reason");
        reason.setWidthFull();
        Button decide = new Button("Decide tier and role", e -> {
            try {
                classifications.override(systemId, tier.getValue(), role.getValue(), reason.getValue());
                Notification.show("Tier and role set by your decision; the reason is kept.")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                UI.getCurrent().navigate("systems/" + systemId);
            } catch (DomainRuleException ex) {
                reason.setInvalid(true);
                reason.setErrorMessage(ex.getMessage());
            }
        });
        decide.setId("override-decide");
        Details details = new Details(
                "Decide differently (an officer's decision, with a reason)",
                new VerticalLayout(new HorizontalLayout(tier, role), reason, decide));
        details.setId("override");
        details.setWidthFull();
        return details;
    }

    private static RadioButtonGroup<String> yesNo(String label) {
        RadioButtonGroup<String> group = new RadioButtonGroup<>(label);
        group.setItems(YES, NO);
        return group;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
