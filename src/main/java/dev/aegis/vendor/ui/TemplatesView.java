package dev.aegis.vendor.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.vendor.Questionnaire;
import dev.aegis.vendor.Questionnaire.Question;
import dev.aegis.vendor.QuestionnaireTemplate;
import dev.aegis.vendor.TemplateService;
import dev.aegis.vendor.VendorService;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Questionnaire templates: the latest version of each, every earlier version, the questions of the one chosen, and
 * for vendor managers an editor of the questionnaire as JSON. Saving a change writes the next version; assessments
 * already running keep theirs.
 */
@Route("vendors/templates")
@PageTitle("Questionnaire templates · Aegis")
@RolesAllowed({"ADMIN", "VENDOR_MANAGER", "GOVERNANCE_OFFICER", "AUDITOR"})
public class TemplatesView extends VerticalLayout {

    private final transient TemplateService service;
    private final boolean mayWrite;
    final Grid<QuestionnaireTemplate> grid = new Grid<>(QuestionnaireTemplate.class, false);
    final ComboBox<QuestionnaireTemplate> version = new ComboBox<>("Version");
    final Div questions = new Div();
    final TextArea editor = new TextArea("Questionnaire as JSON (format " + Questionnaire.FORMAT + ")");
    final Button save = new Button("Save as new version", new Icon(VaadinIcon.CHECK));
    final Button newTemplate = new Button("New template", new Icon(VaadinIcon.PLUS));
    final Anchor export = new Anchor();
    final Button edit = new Button("Edit questions", new Icon(VaadinIcon.EDIT));

    TemplatesView(TemplateService service, VendorService vendors) {
        this.service = service;
        this.mayWrite = vendors.mayManage();
        setSizeFull();
        configureGrid();
        configureEditor();
        SplitLayout split = new SplitLayout(grid, detail());
        split.setSizeFull();
        split.setSplitterPosition(35);
        add(new H2("Questionnaire templates"), toolbar(), split);
        refresh();
    }

    private void configureGrid() {
        grid.setId("templates-grid");
        grid.addColumn(QuestionnaireTemplate::getTitle).setHeader("Template").setFlexGrow(2);
        grid.addColumn(QuestionnaireTemplate::getVersion).setHeader("Latest version");
        grid.setEmptyStateText(mayWrite ? "No templates yet. Start one with “New template”." : "No templates yet.");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                version.setItems(service.versions(e.getValue().getKey()));
                version.setValue(e.getValue());
            }
        });
    }

    private Component toolbar() {
        newTemplate.setVisible(mayWrite);
        Button structured = new Button(
                "New template in the editor",
                new Icon(VaadinIcon.EDIT),
                e -> getUI().ifPresent(ui -> ui.navigate(TemplateEditor.class)));
        structured.setVisible(mayWrite);
        newTemplate.addClickListener(e -> {
            grid.deselectAll();
            editor.setValue(STARTER);
            editor.setInvalid(false);
        });
        return new HorizontalLayout(newTemplate, structured);
    }

    private void configureEditor() {
        version.setItemLabelGenerator(t -> "Version " + t.getVersion() + " · " + t.getCreatedBy() + " · "
                + t.getCreatedAt().toString().substring(0, 10));
        version.addValueChangeListener(e -> show(e.getValue()));
        editor.setWidthFull();
        editor.setMinHeight("20rem");
        editor.setVisible(mayWrite);
        editor.setId("template-json");
        save.setId("template-save");
        save.setVisible(mayWrite);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> saveEditor());
        export.getElement().setAttribute("download", true);
        export.add(new Button("Export JSON", new Icon(VaadinIcon.DOWNLOAD)));
        export.setEnabled(false);
        edit.setId("template-edit");
        edit.setVisible(mayWrite);
        edit.setEnabled(false);
        edit.addClickListener(e -> {
            if (version.getValue() != null) {
                getUI().ifPresent(ui ->
                        ui.navigate(TemplateEditor.class, version.getValue().getId()));
            }
        });
    }

    private Component detail() {
        VerticalLayout detail =
                new VerticalLayout(new HorizontalLayout(version, export, edit), questions, editor, save);
        detail.setPadding(true);
        return detail;
    }

    void show(QuestionnaireTemplate template) {
        questions.removeAll();
        edit.setEnabled(template != null);
        if (template == null) {
            export.setEnabled(false);
            return;
        }
        Questionnaire q = service.questionnaire(template.getId());
        questions.add(new H3(q.title()));
        if (q.description() != null) {
            questions.add(new Paragraph(q.description()));
        }
        for (Questionnaire.Section s : q.sections()) {
            questions.add(new H4(s.title()));
            for (Question question : s.questions()) {
                questions.add(new Paragraph(describe(question)));
            }
        }
        String json = service.export(template.getId());
        export.setHref(DownloadHandler.fromInputStream(event -> new com.vaadin.flow.server.streams.DownloadResponse(
                new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                template.getKey() + "-v" + template.getVersion() + ".json",
                "application/json",
                json.length())));
        export.setEnabled(true);
        editor.setValue(json);
        editor.setInvalid(false);
    }

    static String describe(Question q) {
        StringBuilder b = new StringBuilder(q.text())
                .append(" — ")
                .append(q.type().name().toLowerCase().replace('_', ' '));
        if (q.required()) {
            b.append(", required");
        }
        if (q.weight() > 0) {
            b.append(", weight ").append(q.weight());
        }
        if (q.showIf() != null) {
            b.append(", shown when ")
                    .append(q.showIf().question())
                    .append(" is ")
                    .append(String.join(" or ", q.showIf().anyOf()));
        }
        if (!q.requirements().isEmpty()) {
            b.append(" · ")
                    .append(q.requirements().stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
        return b.toString();
    }

    void saveEditor() {
        try {
            TemplateService.Saved saved = service.importJson(editor.getValue());
            editor.setInvalid(false);
            Notification.show(
                            saved.written()
                                    ? "Saved as version " + saved.template().getVersion() + "."
                                    : "Nothing changed: version "
                                            + saved.template().getVersion() + " stays the latest.",
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh().stream()
                    .filter(t -> t.getKey().equals(saved.template().getKey()))
                    .findFirst()
                    .ifPresent(grid::select);
        } catch (DomainRuleException e) {
            editor.setErrorMessage(e.getMessage());
            editor.setInvalid(true);
        }
    }

    private java.util.List<QuestionnaireTemplate> refresh() {
        java.util.List<QuestionnaireTemplate> latest = service.latest();
        grid.setItems(latest);
        return latest;
    }

    private static final String STARTER = """
            {
              "format": "aegis-questionnaire/1",
              "key": "my-template",
              "title": "My vendor questionnaire",
              "description": null,
              "sections": [
                {"id": "general", "title": "General", "questions": [
                  {"id": "q1", "type": "YES_NO", "text": "Do you ...?", "required": true, "weight": 1,
                   "options": [{"value": "yes", "label": "Yes", "score": 100}, {"value": "no", "label": "No", "score": 0}],
                   "showIf": null, "requirements": [{"framework": "ISO-IEC-42001-2023", "ref": "A.10.3"}]}
                ]}
              ]
            }""";
}
