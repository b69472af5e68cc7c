package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.aegis.aims.AimsDocumentService;
import dev.aegis.aims.AimsDocumentService.Details;
import dev.aegis.shared.ui.FormFields;
import java.util.Map;

/** A document's title, owner (from the user directory) and retention, as every AIMS document has them. */
final class DetailsFields {

    final TextField title = FormFields.limit(new TextField("Title"), 200);
    final ComboBox<String> owner;
    final IntegerField retention = new IntegerField("Retention (years)");

    DetailsFields(AimsDocumentService aims) {
        owner = FormFields.people("Owner", aims.people());
        title.setWidthFull();
        title.setRequiredIndicatorVisible(true);
        owner.setRequiredIndicatorVisible(true);
        owner.setWidthFull();
        retention.setMin(1);
        retention.setMax(100);
        retention.setValue(5);
        retention.setStepButtonsVisible(true);
        retention.setHelperText("How long a version is kept after it ends (ISO/IEC 42001 7.5.3)");
        retention.setWidth("22rem");
    }

    void fill(String title, String owner, int retentionYears) {
        this.title.setValue(title);
        FormFields.show(this.owner, owner);
        this.retention.setValue(retentionYears);
    }

    Details read() {
        return new Details(title.getValue(), owner.getValue(), retention.getValue());
    }

    Component[] components() {
        return new Component[] {title, owner, retention};
    }

    Map<String, Component> byField() {
        return Map.of("title", title, "owner", owner, "retentionYears", retention);
    }
}
