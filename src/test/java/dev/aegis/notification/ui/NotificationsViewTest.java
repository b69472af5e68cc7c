package dev.aegis.notification.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.notification.Notifications;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.Actors;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class NotificationsViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Notifications notifications;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void an_owner_reads_what_aegis_told_them_and_marks_it_read() {
        AegisUser owner = accounts.create("owner", Role.SYSTEM_OWNER);
        Actors.runAsSystem(
                Set.of(Notifications.SYSTEM_SEND),
                () -> notifications.send(
                        List.of(owner.username()),
                        new Notifications.Message(
                                "finding",
                                "Finding opened on Triage assistant",
                                "PSI 0.31 over 1 h breaches 0.2.",
                                "findings/1")));
        Karibu.signInAndOpen(context, owner);
        UI.getCurrent().navigate(NotificationsView.class);

        NotificationsView view = _get(NotificationsView.class);
        assertThat(view.unread.getText()).isEqualTo("1 unread");
        assertThat(view.list.getElement().getTextRecursively())
                .contains("Finding opened on Triage assistant", "PSI 0.31 over 1 h breaches 0.2.");

        _get(Button.class, spec -> spec.withText("Mark read")).click();
        assertThat(view.unread.getText()).isEqualTo("Nothing unread.");
        assertThat(view.markAll.isEnabled()).isFalse();
    }

    @Test
    void someone_told_nothing_yet_sees_what_will_arrive_here() {
        Karibu.signInAndOpen(context, accounts.create("auditor", Role.AUDITOR));
        UI.getCurrent().navigate(NotificationsView.class);
        assertThat(_get(NotificationsView.class).list.getElement().getTextRecursively())
                .startsWith("Nothing yet.");
    }
}
