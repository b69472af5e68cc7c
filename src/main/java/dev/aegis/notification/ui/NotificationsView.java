package dev.aegis.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.notification.Notification;
import dev.aegis.notification.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What Aegis told the signed-in user (findings opened on their systems, overdue assessments, expiring evidence…),
 * newest first, unread ones marked; opening one marks it read.
 */
@Route("notifications")
@PageTitle("Notifications · Aegis")
@Menu(order = 97, icon = "vaadin:bell", title = "Notifications")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class NotificationsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private final transient Notifications notifications;
    final Span unread = new Span();
    final Div list = new Div();
    final Button markAll = new Button("Mark all read", new Icon(VaadinIcon.CHECK));

    NotificationsView(Notifications notifications) {
        this.notifications = notifications;
        setId("notifications");
        unread.setId("notifications-unread");
        list.setId("notifications-list");
        list.setWidthFull();
        markAll.setId("notifications-mark-all");
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        markAll.addClickListener(e -> {
            notifications.markAllRead();
            refresh();
        });
        HorizontalLayout bar = new HorizontalLayout(unread, markAll);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H2("Notifications"), bar, list);
        refresh();
    }

    void refresh() {
        long count = notifications.unreadCount();
        unread.setText(count == 0 ? "Nothing unread." : count + " unread");
        markAll.setEnabled(count > 0);
        list.removeAll();
        List<Notification> mine = notifications.mine(200);
        if (mine.isEmpty()) {
            list.add(
                    new Paragraph(
                            "Nothing yet. Aegis tells you here (and by e-mail when your account has an address) "
                                    + "when a finding opens on a system you own, an assessment is overdue or evidence is about to expire."));
            return;
        }
        for (Notification n : mine) {
            list.add(item(n));
        }
    }

    private Div item(Notification n) {
        Div item = new Div();
        item.setId("notification-" + n.getId());
        item.addClassNames("aegis-card");
        Span subject = new Span(n.getSubject());
        subject.getStyle().set("font-weight", n.isUnread() ? "700" : "400");
        Span meta =
                new Span(" · " + n.getTopic() + " · " + WHEN.format(n.getCreatedAt()) + (n.isUnread() ? " · new" : ""));
        meta.getStyle().set("color", "var(--lumo-secondary-text-color)");
        item.add(new Div(subject, meta));
        if (!n.getBody().isBlank()) {
            Paragraph body = new Paragraph(n.getBody());
            body.getStyle().set("white-space", "pre-line"); // one fact a line, as the body is written
            item.add(body);
        }
        HorizontalLayout actions = new HorizontalLayout();
        if (n.getLink() != null) {
            Anchor open = new Anchor(n.getLink(), "Open");
            open.getElement().addEventListener("click", e -> notifications.markRead(n.getId()));
            actions.add(open);
        }
        if (n.isUnread()) {
            Button read = new Button("Mark read", e -> {
                notifications.markRead(n.getId());
                refresh();
            });
            read.setId("notification-read-" + n.getId());
            read.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            actions.add(read);
        }
        item.add(actions);
        return item;
    }
}
