package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.aims.AimsContent.PolicyText;
import dev.aegis.aims.AimsDocumentService;
import dev.aegis.aims.AimsDocumentService.DocumentSummary;
import dev.aegis.aims.AimsVocabulary.DocumentKind;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.ui.FormFields;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The AI policy and topic policies (ISO/IEC 42001 5.2, 7.5, A.2): officers draft them, another officer approves,
 * they are published and everyone acknowledges the version in force. Everyone sees the policies in force and which
 * they still have to acknowledge; officers and auditors see drafts and who has acknowledged.
 */
@Route("aims/policies")
@PageTitle("Policies · Aegis")
@Menu(order = 24, icon = "vaadin:scale", title = "Policies")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class PoliciesView extends DocumentRegister {

    final Dialog dialog = new Dialog("New policy");
    final Select<DocumentKind> kind = new Select<>();
    DetailsFields details;
    final TextField appliesTo = FormFields.limit(new TextField("Applies to"), 500);
    final TextArea text = FormFields.limit(new TextArea("Policy text"), 20_000);
    final Button save = new Button("Save draft");

    PoliciesView(AimsDocumentService aims) {
        super(
                aims,
                List.of(DocumentKind.AI_POLICY, DocumentKind.TOPIC_POLICY),
                "Policies",
                "The AI policy and topic policies of the AI management system (ISO/IEC 42001 5.2 and A.2). Each version"
                        + " is approved by a second person, published, and acknowledged by everyone.",
                "New policy",
                "aims-policies");
    }

    @Override
    protected Component above() {
        List<DocumentSummary> mine = aims.awaitingMyAcknowledgement();
        Div box = new Div();
        box.setId("aims-my-acknowledgements");
        box.setVisible(!mine.isEmpty());
        if (!mine.isEmpty()) {
            box.addClassName("aegis-card");
            box.add(new Span("Please read and acknowledge: "));
            for (DocumentSummary s : mine) {
                Button open = new Button(s.reference() + " " + s.title() + " (version " + s.inForceNumber() + ")");
                open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                open.addClickListener(e -> open(s.id()));
                box.add(open);
            }
        }
        return box;
    }

    @Override
    protected String emptyText() {
        return aims.mayWrite()
                ? "No policy yet. Start with the AI policy: New policy drafts it; you send it for review, another "
                        + "officer approves it, you publish it, and everyone is asked to acknowledge it."
                : "No policy is in force yet. Your governance officers publish the AI policy here; you will be asked "
                        + "to acknowledge it.";
    }

    @Override
    protected void openCreate() {
        if (details == null) {
            configureDialog();
        }
        kind.setValue(DocumentKind.AI_POLICY);
        details.title.setValue("AI policy");
        details.owner.setValue(null);
        appliesTo.setValue("Everyone who builds, buys or uses AI systems for the organisation");
        text.clear();
        dialog.open();
    }

    private void configureDialog() {
        details = new DetailsFields(aims);
        kind.setLabel("Kind");
        kind.setItems(DocumentKind.AI_POLICY, DocumentKind.TOPIC_POLICY);
        kind.setItemLabelGenerator(DocumentKind::label);
        kind.addValueChangeListener(e -> {
            if (e.isFromClient()
                    && e.getValue() == DocumentKind.TOPIC_POLICY
                    && "AI policy".equals(details.title.getValue())) {
                details.title.clear();
            }
        });
        appliesTo.setWidthFull();
        text.setRequiredIndicatorVisible(true);
        text.setMinHeight("10em");
        VerticalLayout form = new VerticalLayout(kind);
        form.add(details.components());
        form.add(appliesTo, text);
        form.setPadding(false);
        form.setWidth("min(44rem, 90vw)");
        dialog.add(form);
        save.setId("aims-save-policy");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        FormFields.submitOnEnter(save, details.title, appliesTo);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    }

    void save() {
        Map<String, Component> fields = new HashMap<>(details.byField());
        fields.put("text", text);
        fields.put("appliesTo", appliesTo);
        fields.put("kind", kind);
        try {
            var created = aims.draftPolicy(
                    kind.getValue(), details.read(), new PolicyText(text.getValue(), appliesTo.getValue()));
            dialog.close();
            AimsUi.done(created.reference() + " drafted.");
            open(created.id());
        } catch (DomainRuleException ex) {
            AimsUi.refuse(ex, fields);
        }
    }
}
