package dev.aegis.aims.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.aegis.aims.AimsVocabulary.VersionStatus;
import dev.aegis.shared.DomainRuleException;
import java.util.Map;

/** What the AIMS screens share: status badges, fact lists and how a refusal is shown. */
final class AimsUi {

    private AimsUi() {}

    /** A version's state as a badge: published green, in review or approved amber, ended struck through. */
    static Span badge(VersionStatus status) {
        Span badge = new Span(status.label());
        badge.addClassName("aegis-badge");
        switch (status) {
            case PUBLISHED -> badge.addClassName("aegis-cov-covered");
            case IN_REVIEW, APPROVED -> badge.addClassName("aegis-badge-review");
            case SUPERSEDED, WITHDRAWN -> badge.addClassName("aegis-badge-withdrawn");
            default -> {}
        }
        return badge;
    }

    /** A description list of facts, label then value, leaving out facts without a value. */
    static DescriptionList facts(String... labelsAndValues) {
        DescriptionList dl = new DescriptionList();
        dl.addClassName("aegis-facts");
        for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
            String value = labelsAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                dl.add(new DescriptionList.Term(labelsAndValues[i]), new DescriptionList.Description(value));
            }
        }
        return dl;
    }

    /** Shows a refusal at its field when the form has it, else as a notification. */
    static void refuse(DomainRuleException e, Map<String, ? extends Component> fields) {
        Component field = fields.get(e.field());
        if (field instanceof HasValidation v) {
            v.setErrorMessage(e.getMessage());
            v.setInvalid(true);
        } else {
            error(e.getMessage());
        }
    }

    static void error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static void done(String message) {
        Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** A paragraph that keeps the line breaks people typed. */
    static Div text(String text) {
        Div div = new Div();
        div.setText(text == null ? "" : text);
        div.getStyle().set("white-space", "pre-wrap").set("max-width", "60rem");
        return div;
    }
}
