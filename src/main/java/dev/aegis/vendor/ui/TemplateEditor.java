package dev.aegis.vendor.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.ui.FormFields;
import dev.aegis.vendor.Questionnaire;
import dev.aegis.vendor.Questionnaire.Condition;
import dev.aegis.vendor.Questionnaire.Option;
import dev.aegis.vendor.Questionnaire.Question;
import dev.aegis.vendor.Questionnaire.QuestionType;
import dev.aegis.vendor.Questionnaire.RequirementRef;
import dev.aegis.vendor.Questionnaire.Section;
import dev.aegis.vendor.QuestionnaireTemplate;
import dev.aegis.vendor.TemplateDrafting;
import dev.aegis.vendor.TemplateService;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.domain.PageRequest;

/**
 * The structured template editor: the questionnaire's outline (sections and their questions) on the left, the chosen
 * section or question on the right with its type, text, help, required flag, weight, scored options, condition on an
 * earlier choice question and the catalog requirements it bears on. Saving writes the next version of the template;
 * assessments already running keep theirs. Each problem the questionnaire has is shown next to its field and in the
 * outline. Keys: Ctrl+S saves, Alt+N adds a question, Alt+↑/↓ move the chosen item.
 */
@Route("vendors/templates/edit")
@PageTitle("Edit questionnaire template · Aegis")
@RolesAllowed({"ADMIN", "VENDOR_MANAGER"})
public class TemplateEditor extends VerticalLayout implements HasUrlParameter<Long> {

    /** A section as edited. */
    static final class SectionDraft {
        String id = "";
        String title = "";
        final List<QuestionDraft> questions = new ArrayList<>();
    }

    /** A question as edited. */
    static final class QuestionDraft {
        String id = "";
        QuestionType type = QuestionType.YES_NO;
        String text = "";
        String help = "";
        boolean required;
        Integer weight = 1;
        final List<OptionDraft> options = new ArrayList<>();
        String showIfQuestion;
        Set<String> showIfAnyOf = new LinkedHashSet<>();
        final List<RequirementRef> requirements = new ArrayList<>();
    }

    /** A choice's option as edited. */
    static final class OptionDraft {
        String value = "";
        String label = "";
        Integer score = 0;
        /** Rules out every other option of a multiple choice ("None of these"). */
        boolean exclusive;
    }

    /** An outline row: a section, or a question of one. */
    record Row(SectionDraft section, QuestionDraft question) {
        boolean isSection() {
            return question == null;
        }
    }

    private final transient TemplateService templates;
    private final transient TemplateDrafting drafting;
    final TextField key = new TextField("Key");
    final TextField title = new TextField("Title");
    final TextArea description = new TextArea("Description");
    final Grid<Row> outline = new Grid<>();
    final Button addSection = new Button("Section", new Icon(VaadinIcon.PLUS));
    final Button addQuestion = new Button("Question", new Icon(VaadinIcon.PLUS));
    final Button up = new Button(new Icon(VaadinIcon.ARROW_UP));
    final Button down = new Button(new Icon(VaadinIcon.ARROW_DOWN));
    final Button remove = new Button(new Icon(VaadinIcon.TRASH));
    final Button save = new Button("Save as new version", new Icon(VaadinIcon.CHECK));
    final Paragraph status = new Paragraph();
    final Div problemsBox = new Div();
    // the section form
    final TextField sectionId = new TextField("Section id");
    final TextField sectionTitle = new TextField("Section title");
    final FormLayout sectionForm = new FormLayout(sectionId, sectionTitle);
    // the question form
    final TextField questionId = new TextField("Question id");
    final ComboBox<QuestionType> type = new ComboBox<>("Type", QuestionType.values());
    final TextArea text = new TextArea("Question");
    final TextArea help = new TextArea("Help for the vendor");
    final Checkbox required = new Checkbox("Required");
    final IntegerField weight = new IntegerField("Weight (0–10)");
    final VerticalLayout options = new VerticalLayout();
    final Paragraph optionsError = new Paragraph();
    final Button addOption = new Button("Option", new Icon(VaadinIcon.PLUS));
    final ComboBox<QuestionDraft> showIf = new ComboBox<>("Shown only when");
    final MultiSelectComboBox<String> showIfAnyOf = new MultiSelectComboBox<>("is answered with");
    final ComboBox<RequirementSummary> requirementPicker = new ComboBox<>("Add a requirement it bears on");
    final MultiSelectComboBox<RequirementRef> requirements = new MultiSelectComboBox<>("Requirements");
    final VerticalLayout questionForm = new VerticalLayout();
    final List<SectionDraft> sections = new ArrayList<>();
    private final Map<Object, List<String>> problems = new LinkedHashMap<>();
    private QuestionnaireTemplate base;
    private Row editing;
    private boolean loading;

    TemplateEditor(TemplateService templates, TemplateDrafting drafting) {
        this.templates = templates;
        this.drafting = drafting;
        setSizeFull();
        configureOutline();
        configureSectionForm();
        configureQuestionForm();
        SplitLayout split = new SplitLayout(outlinePane(), formPane());
        split.setSizeFull();
        split.setSplitterPosition(38);
        add(new H2("Edit questionnaire template"), header(), problemsBox, split);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long templateId) {
        sections.clear();
        if (templateId == null) {
            base = null;
            key.setReadOnly(false);
            key.setValue("");
            title.setValue("");
            description.setValue("");
            SectionDraft first = new SectionDraft();
            first.id = "general";
            first.title = "General";
            sections.add(first);
            status.setText("A new template: its first save writes version 1.");
        } else {
            base = templates.get(templateId);
            load(templates.questionnaire(templateId));
            status.setText("Editing version " + base.getVersion() + " of “" + base.getTitle() + "”. Saving writes "
                    + "the next version; assessments already running keep theirs.");
        }
        refreshOutline();
        select(outline.getListDataView().getItems().findFirst().orElse(null));
    }

    // ---- layout ------------------------------------------------------------------------------------------------

    private Component header() {
        key.setId("template-key");
        FormFields.limit(key, Questionnaire.ID_MAX);
        FormFields.limit(title, Questionnaire.TITLE_MAX);
        FormFields.limit(description, Questionnaire.DESCRIPTION_MAX);
        key.setHelperText("Lower-case letters, digits and hyphens; names the template across its versions.");
        title.setId("template-title");
        title.setWidth("28rem");
        description.setWidthFull();
        save.setId("template-editor-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> saveDraft());
        save.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL);
        problemsBox.addClassName("aegis-problems");
        problemsBox.setId("template-problems");
        problemsBox.setVisible(false);
        HorizontalLayout bar = new HorizontalLayout(key, title, save);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        VerticalLayout header = new VerticalLayout(status, bar, description);
        header.setPadding(false);
        header.setSpacing(false);
        return header;
    }

    private Component outlinePane() {
        addSection.addClickListener(e -> addSection());
        addQuestion.setId("add-question");
        addQuestion.addClickListener(e -> addQuestion());
        addQuestion.addClickShortcut(Key.KEY_N, KeyModifier.ALT);
        up.setAriaLabel("Move up");
        up.setTooltipText("Move up (Alt+↑)");
        up.addClickListener(e -> move(-1));
        up.addClickShortcut(Key.ARROW_UP, KeyModifier.ALT);
        down.setAriaLabel("Move down");
        down.setTooltipText("Move down (Alt+↓)");
        down.addClickListener(e -> move(1));
        down.addClickShortcut(Key.ARROW_DOWN, KeyModifier.ALT);
        remove.setAriaLabel("Remove");
        remove.setTooltipText("Remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.addClickListener(e -> removeSelected());
        for (Button b : List.of(addSection, addQuestion, up, down, remove)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        VerticalLayout pane =
                new VerticalLayout(new HorizontalLayout(addSection, addQuestion, up, down, remove), outline);
        pane.setSizeFull();
        pane.setPadding(false);
        return pane;
    }

    private Component formPane() {
        VerticalLayout pane = new VerticalLayout(sectionForm, questionForm);
        pane.setPadding(true);
        return pane;
    }

    private void configureOutline() {
        outline.setId("template-outline");
        outline.addColumn(r -> r.isSection() ? r.section().title : "    " + r.question().id + " · " + r.question().text)
                .setHeader("Sections and questions")
                .setFlexGrow(3);
        outline.addColumn(r -> r.isSection()
                        ? ""
                        : r.question().type.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .setHeader("Type")
                .setAutoWidth(true);
        outline.addColumn(r -> problems.getOrDefault(r.isSection() ? r.section() : r.question(), List.of())
                                .isEmpty()
                        ? ""
                        : "⚠ "
                                + problems.get(r.isSection() ? r.section() : r.question())
                                        .size())
                .setHeader("Problems")
                .setAutoWidth(true);
        outline.setPartNameGenerator(r -> r.isSection() ? "aegis-outline-section" : null);
        outline.setEmptyStateText("No sections yet: add one with “Section”.");
        outline.asSingleSelect().addValueChangeListener(e -> {
            if (!loading) {
                show(e.getValue());
            }
        });
        outline.setSizeFull();
    }

    private void configureSectionForm() {
        sectionId.setId("section-id");
        sectionTitle.setId("section-title");
        FormFields.limit(sectionId, Questionnaire.ID_MAX);
        FormFields.limit(sectionTitle, Questionnaire.TITLE_MAX);
        for (TextField f : List.of(sectionId, sectionTitle)) {
            f.setValueChangeMode(ValueChangeMode.EAGER);
        }
        sectionId.addValueChangeListener(e -> onSection(s -> s.id = e.getValue().trim()));
        sectionTitle.addValueChangeListener(e -> onSection(s -> s.title = e.getValue()));
        sectionForm.setVisible(false);
    }

    private void configureQuestionForm() {
        questionId.setId("question-id");
        type.setId("question-type");
        text.setId("question-text");
        help.setId("question-help");
        weight.setId("question-weight");
        FormFields.limit(questionId, Questionnaire.ID_MAX);
        FormFields.limit(text, Questionnaire.TEXT_MAX);
        FormFields.limit(help, Questionnaire.TEXT_MAX);
        type.setItemLabelGenerator(t -> t.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        type.setAllowCustomValue(false);
        text.setWidthFull();
        help.setWidthFull();
        weight.setMin(0);
        weight.setMax(10);
        weight.setStepButtonsVisible(true);
        weight.setHelperText("0 leaves the question out of the score; only yes/no and choice questions are scored.");
        for (var f : List.of(questionId, text, help)) {
            f.setValueChangeMode(ValueChangeMode.EAGER);
        }
        questionId.addValueChangeListener(
                e -> onQuestion(q -> q.id = e.getValue().trim()));
        type.addValueChangeListener(e -> onQuestion(q -> {
            q.type = e.getValue();
            if (q.type == QuestionType.YES_NO && q.options.isEmpty()) {
                q.options.add(option("yes", "Yes", 100));
                q.options.add(option("no", "No", 0));
            }
            if (q.type != null && !q.type.hasOptions()) {
                q.options.clear();
                q.weight = 0;
            }
            showQuestion(q);
        }));
        text.addValueChangeListener(e -> onQuestion(q -> q.text = e.getValue()));
        help.addValueChangeListener(e -> onQuestion(q -> q.help = e.getValue()));
        required.addValueChangeListener(e -> onQuestion(q -> q.required = e.getValue()));
        weight.addValueChangeListener(e -> onQuestion(q -> {
            q.weight = e.getValue();
            weight.setInvalid(e.getValue() == null || e.getValue() < 0 || e.getValue() > 10);
            weight.setErrorMessage("The weight runs from 0 to 10.");
        }));
        addOption.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        addOption.setId("add-option");
        addOption.addClickListener(e -> onQuestion(q -> {
            q.options.add(option("", "", 0));
            showOptions(q);
        }));
        options.setPadding(false);
        options.setSpacing(false);
        optionsError.addClassName("aegis-form-error");
        showIf.setId("question-show-if");
        showIf.setClearButtonVisible(true);
        showIf.setItemLabelGenerator(q -> q.id + " · " + q.text);
        showIf.addValueChangeListener(e -> onQuestion(q -> {
            q.showIfQuestion = e.getValue() == null ? null : e.getValue().id;
            q.showIfAnyOf = new LinkedHashSet<>();
            showCondition(q);
        }));
        showIfAnyOf.addValueChangeListener(e -> onQuestion(q -> q.showIfAnyOf = new LinkedHashSet<>(e.getValue())));
        requirementPicker.setId("question-requirement-picker");
        requirementPicker.setWidth("30rem");
        requirementPicker.setItems(q -> drafting
                .requirements(
                        q.getFilter().orElse(""),
                        PageRequest.of(q.getOffset() / Math.max(1, q.getLimit()), q.getLimit()))
                .stream());
        requirementPicker.setItemLabelGenerator(r -> r.frameworkCode() + " · " + r.label());
        requirementPicker.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                RequirementSummary r = e.getValue();
                onQuestion(q -> {
                    RequirementRef ref = new RequirementRef(r.frameworkCode(), r.refId());
                    if (!q.requirements.contains(ref)) {
                        q.requirements.add(ref);
                    }
                    showRequirements(q);
                });
                requirementPicker.clear();
            }
        });
        requirements.setId("question-requirements");
        requirements.setItemLabelGenerator(RequirementRef::toString);
        requirements.setHelperText("Clear one to drop it.");
        requirements.addValueChangeListener(e -> onQuestion(q -> {
            q.requirements.retainAll(e.getValue());
        }));
        FormLayout basics = new FormLayout(questionId, type, required, weight);
        basics.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("40em", 4));
        questionForm.add(
                basics,
                text,
                help,
                new H4("Options and their scores"),
                options,
                optionsError,
                addOption,
                new H4("Condition"),
                new HorizontalLayout(showIf, showIfAnyOf),
                new H4("Framework requirements"),
                requirementPicker,
                requirements);
        questionForm.setPadding(false);
        questionForm.setVisible(false);
    }

    // ---- the draft ---------------------------------------------------------------------------------------------

    private void load(Questionnaire q) {
        key.setValue(q.key());
        key.setReadOnly(true);
        title.setValue(q.title() == null ? "" : q.title());
        description.setValue(q.description() == null ? "" : q.description());
        for (Section s : q.sections()) {
            SectionDraft sd = new SectionDraft();
            sd.id = s.id();
            sd.title = s.title();
            for (Question question : s.questions() == null ? List.<Question>of() : s.questions()) {
                QuestionDraft d = new QuestionDraft();
                d.id = question.id();
                d.type = question.type();
                d.text = question.text();
                d.help = question.help() == null ? "" : question.help();
                d.required = question.required();
                d.weight = question.weight();
                question.options().forEach(o -> {
                    OptionDraft option = option(o.value(), o.label(), o.score());
                    option.exclusive = o.excludesOthers();
                    d.options.add(option);
                });
                if (question.showIf() != null) {
                    d.showIfQuestion = question.showIf().question();
                    d.showIfAnyOf = new LinkedHashSet<>(question.showIf().anyOf());
                }
                d.requirements.addAll(question.requirements());
                sd.questions.add(d);
            }
            sections.add(sd);
        }
    }

    /** The draft as a questionnaire, as it would be saved. */
    Questionnaire draft() {
        List<Section> result = new ArrayList<>();
        for (SectionDraft s : sections) {
            List<Question> questions = new ArrayList<>();
            for (QuestionDraft q : s.questions) {
                List<Option> opts = q.type != null && q.type.hasOptions()
                        ? q.options.stream()
                                .map(o -> new Option(
                                        o.value.trim(),
                                        o.label.trim(),
                                        o.score == null ? -1 : o.score,
                                        o.exclusive && q.type == QuestionType.MULTIPLE_CHOICE))
                                .toList()
                        : List.of();
                Condition condition =
                        q.showIfQuestion == null ? null : new Condition(q.showIfQuestion, List.copyOf(q.showIfAnyOf));
                questions.add(new Question(
                        q.id,
                        q.type,
                        q.text == null ? "" : q.text.trim(),
                        q.required,
                        q.weight == null ? -1 : q.weight,
                        opts,
                        condition,
                        List.copyOf(q.requirements),
                        q.help == null || q.help.isBlank() ? null : q.help.trim()));
            }
            result.add(new Section(s.id, s.title == null ? "" : s.title.trim(), questions));
        }
        return new Questionnaire(
                Questionnaire.FORMAT,
                key.getValue().trim(),
                title.getValue().trim(),
                description.getValue().isBlank() ? null : description.getValue().trim(),
                result);
    }

    void saveDraft() {
        Questionnaire q = draft();
        List<String> found = drafting.problems(q);
        showProblems(found);
        if (!found.isEmpty()) {
            return;
        }
        try {
            TemplateService.Saved saved = templates.save(q);
            base = saved.template();
            key.setReadOnly(true);
            status.setText(
                    saved.written()
                            ? "Saved as version " + saved.template().getVersion() + "."
                            : "Nothing changed: version " + saved.template().getVersion() + " stays the latest.");
            Notification.show(status.getText(), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (DomainRuleException e) {
            showProblems(List.of(e.getMessage()));
        }
    }

    /** Spreads the problems over the outline and the fields; the rest go to the box above. */
    void showProblems(List<String> found) {
        problems.clear();
        List<String> general = new ArrayList<>();
        for (String p : found) {
            Object owner = ownerOf(p);
            if (owner == null) {
                general.add(p);
            } else {
                problems.computeIfAbsent(owner, o -> new ArrayList<>())
                        .add(p.substring(p.indexOf(':') + 1).trim());
            }
        }
        key.setInvalid(general.stream().anyMatch(p -> p.startsWith("key:")));
        key.setErrorMessage(general.stream()
                .filter(p -> p.startsWith("key:"))
                .findFirst()
                .map(p -> sentence(p.substring(4)))
                .orElse(null));
        title.setInvalid(general.stream().anyMatch(p -> p.startsWith("title:")));
        title.setErrorMessage(general.stream()
                .filter(p -> p.startsWith("title:"))
                .findFirst()
                .map(p -> sentence(p.substring(6)))
                .orElse(null));
        description.setInvalid(general.stream().anyMatch(p -> p.startsWith("description:")));
        description.setErrorMessage(general.stream()
                .filter(p -> p.startsWith("description:"))
                .findFirst()
                .map(p -> sentence(p.substring(12)))
                .orElse(null));
        general.removeIf(p -> p.startsWith("key:") || p.startsWith("title:") || p.startsWith("description:"));
        int elsewhere = problems.values().stream().mapToInt(List::size).sum();
        List<String> lines = new ArrayList<>(general);
        if (elsewhere > 0) {
            lines.add(elsewhere + " problem(s) in the questions and sections marked ⚠ in the outline.");
        }
        problemsBox.setText(String.join("\n", lines));
        problemsBox.setVisible(!lines.isEmpty());
        outline.getDataProvider().refreshAll();
        show(editing);
    }

    private Object ownerOf(String problem) {
        for (SectionDraft s : sections) {
            if (problem.startsWith("section " + s.id + ":")) {
                return s;
            }
            for (QuestionDraft q : s.questions) {
                if (problem.startsWith("question " + q.id + ":")) {
                    return q;
                }
            }
        }
        return null;
    }

    /** The problems of one question, as the messages to show at each field. */
    private void markFields(QuestionDraft q) {
        List<String> mine = problems.getOrDefault(q, List.of());
        mark(questionId, mine, "id");
        mark(type, mine, "type");
        mark(text, mine, "text");
        mark(help, mine, "help");
        mark(weight, mine, "weight", "scored");
        mark(showIf, mine, "shown");
        mark(requirements, mine, "requirement");
        String optionProblems = String.join(
                " ",
                mine.stream()
                        .filter(m -> m.contains("option"))
                        .map(TemplateEditor::sentence)
                        .toList());
        optionsError.setText(optionProblems);
        optionsError.setVisible(!optionProblems.isEmpty());
    }

    private static void mark(HasValidation field, List<String> problems, String... words) {
        String message = problems.stream()
                .filter(p -> !p.contains("option") || words[0].equals("option"))
                .filter(p -> java.util.Arrays.stream(words).anyMatch(p::contains))
                .findFirst()
                .map(TemplateEditor::sentence)
                .orElse(null);
        field.setErrorMessage(message);
        field.setInvalid(message != null);
    }

    /** A rule's message as a sentence at a field: "needs its text" reads "Needs its text." */
    static String sentence(String problem) {
        String p = problem.strip();
        if (p.isEmpty()) {
            return p;
        }
        return Character.toUpperCase(p.charAt(0)) + p.substring(1) + (p.endsWith(".") ? "" : ".");
    }

    // ---- outline actions ---------------------------------------------------------------------------------------

    void addSection() {
        SectionDraft s = new SectionDraft();
        s.id = "section-" + (sections.size() + 1);
        s.title = "New section";
        sections.add(s);
        refreshOutline();
        select(new Row(s, null));
        sectionTitle.focus();
    }

    void addQuestion() {
        if (sections.isEmpty()) {
            addSection();
        }
        SectionDraft s = editing == null ? sections.getLast() : editing.section();
        QuestionDraft q = new QuestionDraft();
        q.id = nextQuestionId();
        q.options.add(option("yes", "Yes", 100));
        q.options.add(option("no", "No", 0));
        int at = editing == null || editing.isSection()
                ? s.questions.size()
                : s.questions.indexOf(editing.question()) + 1;
        s.questions.add(at, q);
        refreshOutline();
        select(new Row(s, q));
        text.focus();
    }

    private String nextQuestionId() {
        Set<String> taken = new java.util.HashSet<>();
        sections.forEach(s -> s.questions.forEach(q -> taken.add(q.id)));
        int n = taken.size() + 1;
        while (taken.contains("q" + n)) {
            n++;
        }
        return "q" + n;
    }

    void move(int by) {
        if (editing == null) {
            return;
        }
        if (editing.isSection()) {
            int i = sections.indexOf(editing.section());
            if (i + by >= 0 && i + by < sections.size()) {
                java.util.Collections.swap(sections, i, i + by);
            }
        } else {
            List<QuestionDraft> list = editing.section().questions;
            int i = list.indexOf(editing.question());
            if (i + by >= 0 && i + by < list.size()) {
                java.util.Collections.swap(list, i, i + by);
            }
        }
        Row keep = editing;
        refreshOutline();
        select(keep);
    }

    void removeSelected() {
        if (editing == null) {
            return;
        }
        if (editing.isSection()) {
            sections.remove(editing.section());
        } else {
            editing.section().questions.remove(editing.question());
        }
        refreshOutline();
        select(null);
    }

    // ---- showing -----------------------------------------------------------------------------------------------

    private void refreshOutline() {
        List<Row> rows = new ArrayList<>();
        for (SectionDraft s : sections) {
            rows.add(new Row(s, null));
            s.questions.forEach(q -> rows.add(new Row(s, q)));
        }
        loading = true;
        outline.setItems(rows);
        loading = false;
    }

    void select(Row row) {
        loading = true;
        if (row == null) {
            outline.deselectAll();
        } else {
            outline.select(row);
        }
        loading = false;
        show(row);
    }

    private void show(Row row) {
        editing = row;
        sectionForm.setVisible(row != null && row.isSection());
        questionForm.setVisible(row != null && !row.isSection());
        if (row == null) {
            return;
        }
        loading = true;
        try {
            if (row.isSection()) {
                sectionId.setValue(row.section().id);
                sectionTitle.setValue(row.section().title);
                List<String> mine = problems.getOrDefault(row.section(), List.of());
                mark(sectionId, mine, "id");
                mark(sectionTitle, mine, "title");
            } else {
                showQuestion(row.question());
            }
        } finally {
            loading = false;
        }
    }

    private void showQuestion(QuestionDraft q) {
        boolean was = loading;
        loading = true;
        try {
            questionId.setValue(q.id);
            type.setValue(q.type);
            text.setValue(q.text == null ? "" : q.text);
            help.setValue(q.help == null ? "" : q.help);
            required.setValue(q.required);
            weight.setValue(q.weight);
            weight.setEnabled(q.type == null || q.type.hasOptions());
            showOptions(q);
            showCondition(q);
            showRequirements(q);
            markFields(q);
        } finally {
            loading = was;
        }
    }

    private void showOptions(QuestionDraft q) {
        options.removeAll();
        boolean choice = q.type != null && q.type.hasOptions();
        addOption.setVisible(choice);
        if (!choice) {
            options.add(new Paragraph("Only yes/no and choice questions have options."));
            return;
        }
        for (OptionDraft o : q.options) {
            TextField value = new TextField();
            value.setPlaceholder("value");
            value.setAriaLabel("Option value");
            value.setMaxLength(Questionnaire.ID_MAX);
            value.setValue(o.value);
            value.setValueChangeMode(ValueChangeMode.EAGER);
            value.addValueChangeListener(e -> o.value = e.getValue());
            TextField label = new TextField();
            label.setPlaceholder("label");
            label.setAriaLabel("Option label");
            label.setMaxLength(Questionnaire.TITLE_MAX);
            label.setValue(o.label);
            label.setValueChangeMode(ValueChangeMode.EAGER);
            label.addValueChangeListener(e -> o.label = e.getValue());
            IntegerField score = new IntegerField();
            score.setPlaceholder("score");
            score.setAriaLabel("Option score (0–100)");
            score.setMin(0);
            score.setMax(100);
            score.setValue(o.score);
            score.setErrorMessage("0 to 100");
            score.addValueChangeListener(e -> {
                o.score = e.getValue();
                score.setInvalid(e.getValue() == null || e.getValue() < 0 || e.getValue() > 100);
            });
            Button drop = new Button(new Icon(VaadinIcon.CLOSE_SMALL), e -> {
                q.options.remove(o);
                showOptions(q);
            });
            drop.setAriaLabel("Remove option");
            drop.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            HorizontalLayout row = new HorizontalLayout(value, label, score);
            if (q.type == QuestionType.MULTIPLE_CHOICE) {
                Checkbox exclusive = new Checkbox("Excludes the others", o.exclusive);
                exclusive.setTooltipText("Cannot be chosen with any other option, like “None of these”");
                exclusive.addValueChangeListener(e -> o.exclusive = e.getValue());
                row.add(exclusive);
            }
            row.add(drop);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            options.add(row);
        }
    }

    /** The condition may name only an earlier choice question, and only its options. */
    private void showCondition(QuestionDraft q) {
        boolean was = loading;
        loading = true;
        try {
            List<QuestionDraft> earlier = new ArrayList<>();
            outer:
            for (SectionDraft s : sections) {
                for (QuestionDraft other : s.questions) {
                    if (other == q) {
                        break outer;
                    }
                    if (other.type != null && other.type.hasOptions()) {
                        earlier.add(other);
                    }
                }
            }
            showIf.setItems(earlier);
            QuestionDraft on = earlier.stream()
                    .filter(e -> Objects.equals(e.id, q.showIfQuestion))
                    .findFirst()
                    .orElse(null);
            showIf.setValue(on);
            showIfAnyOf.setEnabled(on != null);
            showIfAnyOf.setItems(
                    on == null
                            ? List.of()
                            : on.options.stream().map(o -> o.value).toList());
            if (on != null) {
                showIfAnyOf.setValue(q.showIfAnyOf.stream()
                        .filter(v -> on.options.stream().anyMatch(o -> o.value.equals(v)))
                        .collect(java.util.stream.Collectors.toSet()));
            }
        } finally {
            loading = was;
        }
    }

    private void showRequirements(QuestionDraft q) {
        boolean was = loading;
        loading = true;
        try {
            requirements.setItems(List.copyOf(q.requirements));
            requirements.setValue(Set.copyOf(q.requirements));
        } finally {
            loading = was;
        }
    }

    private void onSection(java.util.function.Consumer<SectionDraft> change) {
        if (!loading && editing != null && editing.isSection()) {
            change.accept(editing.section());
            outline.getDataProvider().refreshItem(editing);
        }
    }

    private void onQuestion(java.util.function.Consumer<QuestionDraft> change) {
        if (!loading && editing != null && !editing.isSection()) {
            change.accept(editing.question());
            outline.getDataProvider().refreshItem(editing);
        }
    }

    private static OptionDraft option(String value, String label, int score) {
        OptionDraft o = new OptionDraft();
        o.value = value;
        o.label = label;
        o.score = score;
        return o;
    }
}
