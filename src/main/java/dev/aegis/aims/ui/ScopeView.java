package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.aims.AimsDocumentService;
import dev.aegis.aims.AimsVocabulary.DocumentKind;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.ui.FormFields;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The context of the organisation and the AIMS scope (ISO/IEC 42001 4.1–4.3): issues, interested parties, which AI
 * systems, units and locations the management system covers and what it leaves out with why; versioned and approved
 * like every AIMS document.
 */
@Route("aims/scope")
@PageTitle("Context and scope · Aegis")
@Menu(order = 25, icon = "vaadin:crosshairs", title = "AIMS scope")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR"})
public class ScopeView extends DocumentRegister {

    final Dialog dialog = new Dialog("Draft the context and scope");
    DetailsFields details;
    ScopeFields scope;
    final Button save = new Button("Save draft");

    ScopeView(AimsDocumentService aims) {
        super(
                aims,
                List.of(DocumentKind.CONTEXT_AND_SCOPE),
                "Context and scope",
                "What the AI management system covers (ISO/IEC 42001 4.1–4.3): the issues and interested parties it "
                        + "answers to, the AI systems, units and locations in scope, and what is excluded with why.",
                "Draft the scope",
                "aims-scope");
    }

    @Override
    protected String emptyText() {
        return aims.mayWrite()
                ? "No scope statement yet. Draft the scope: name the AI systems from the inventory, the units and "
                        + "locations it covers and anything excluded with the reason; then send it for approval."
                : "No scope statement yet. Your governance officers draft and approve it here.";
    }

    @Override
    protected void openCreate() {
        if (details == null) {
            details = new DetailsFields(aims);
            scope = new ScopeFields(aims);
            VerticalLayout form = new VerticalLayout();
            form.add(details.components());
            form.add(scope.components());
            form.setPadding(false);
            form.setWidth("min(48rem, 90vw)");
            dialog.add(form);
            save.setId("aims-save-scope");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(e -> save());
            FormFields.submitOnEnter(save, details.title);
            dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        }
        details.title.setValue("AI management system scope");
        dialog.open();
    }

    void save() {
        Map<String, Component> fields = new HashMap<>(details.byField());
        fields.putAll(scope.byField());
        try {
            var created = aims.draftScope(details.read(), scope.read());
            dialog.close();
            AimsUi.done(created.reference() + " drafted.");
            open(created.id());
        } catch (DomainRuleException ex) {
            AimsUi.refuse(ex, fields);
        }
    }
}
