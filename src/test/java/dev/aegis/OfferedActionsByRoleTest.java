package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouterLink;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.ui.DashboardView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;

/**
 * Only what a role can do is shown. For each role, every screen of its side navigation (and a system's page and a
 * risk opened from its address) is opened, and every button it offers is pressed, then every button of a dialog that
 * press opened; every link it offers is followed. Nothing offered may end in "Your roles do not allow this action"
 * (a permission refused by a service, or a screen the role may not open). Rules of the register (an empty form
 * refused at its fields) are fine: they say what to change, not that the role may not.
 */
@AegisTest
class OfferedActionsByRoleTest {

    /** Buttons that leave the session or only change how the page looks. */
    // "Adopt all" would adopt the whole starter library in the database the other tests share (DemoControlsTest counts
    // on a starter control nobody adopted); who may adopt is checked by ControlViewsTest
    private static final Set<String> LEFT_ALONE = Set.of("sign out", "dark theme", "light theme", "adopt all");

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AiSystemService systems;

    @Autowired
    RiskService risks;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void every_button_and_link_a_role_is_offered_is_one_it_may_use(Role role) {
        String tag = role.name().toLowerCase(Locale.ROOT) + "-" + System.nanoTime();
        AegisUser owner = accounts.create("walk-owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(accounts.create("walk-officer", Role.GOVERNANCE_OFFICER));
        long systemId = systems.register(AiSystemFixtures.diagnosisAssistant("Walk " + tag, owner.username()))
                .getId();
        long riskId = risks.identify(new RiskDetails(
                        "Walk risk " + tag,
                        "Seen on the walk",
                        Category.PRIVACY,
                        Set.of(systemId),
                        Set.of(),
                        Set.of(),
                        3,
                        4,
                        owner.username(),
                        null))
                .getId();
        TestAccounts.signOut();
        AegisUser user = role == Role.SYSTEM_OWNER ? owner : accounts.create("walk-" + role.name(), role);
        Karibu.signInAndOpen(context, user);

        UI.getCurrent().navigate(DashboardView.class);
        Set<String> routes = new LinkedHashSet<>();
        LocatorJ._get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .map(SideNavItem::getPath)
                .filter(p -> p != null)
                .forEach(routes::add);
        if (role != Role.VENDOR_MANAGER) {
            routes.add("systems/" + systemId);
            // each tab of the page is built only when chosen: walk those whose panels stood on the page before it had
            // tabs (the scope, folded and built when unfolded then, was never walked)
            for (String tab : List.of("findings", "telemetry", "evidence", "eu-ai-act")) {
                routes.add("systems/" + systemId + "?tab=" + tab);
            }
        }
        routes.add("risks?risk=" + riskId);

        List<String> offenders = new ArrayList<>();
        List<String> pressed = new ArrayList<>();
        for (String route : routes) {
            walk(route, offenders, pressed);
        }
        // what was pressed, for a person to read (target/offered-actions/<ROLE>.txt)
        Path report = Path.of("target", "offered-actions", role.name() + ".txt");
        try {
            Files.createDirectories(report.getParent());
            Files.write(report, pressed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(pressed).as("the walk pressed what %s is offered", role).hasSizeGreaterThan(10);
        assertThat(offenders)
                .as("actions offered to %s that it may not take", role)
                .isEmpty();
    }

    private void walk(String route, List<String> offenders, List<String> pressed) {
        open(route);
        List<String> links = offered(Anchor.class).stream()
                .map(Anchor::getHref)
                .filter(OfferedActionsByRoleTest::inside)
                .toList();
        List<String> routerLinks =
                offered(RouterLink.class).stream().map(RouterLink::getHref).toList();
        for (String link : concat(links, routerLinks)) {
            pressed.add(route + " → link " + link);
            try {
                open(link);
            } catch (Throwable e) {
                if (refused(e)) {
                    offenders.add(route + ": the link to " + link + " leads to a screen the role may not open");
                }
            }
        }
        open(route);
        int count = buttons().size();
        for (int i = 0; i < count; i++) {
            open(route);
            List<Button> now = buttons();
            if (i >= now.size()) {
                break;
            }
            Button first = now.get(i);
            String name = name(first);
            if (LEFT_ALONE.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            press(first, route + " → " + name, offenders);
            pressed.add(route + " → " + name);
            List<Button> inDialog = dialogButtons();
            for (int j = 0; j < inDialog.size(); j++) {
                open(route);
                try {
                    now = buttons();
                    if (i >= now.size()) {
                        break;
                    }
                    now.get(i).click();
                } catch (Throwable e) {
                    break;
                }
                List<Button> again = dialogButtons();
                if (j < again.size() && !LEFT_ALONE.contains(name(again.get(j)).toLowerCase(Locale.ROOT))) {
                    String what = route + " → " + name + " → " + name(again.get(j));
                    press(again.get(j), what, offenders);
                    pressed.add(what);
                }
            }
        }
    }

    private static void open(String location) {
        UI.getCurrent().getChildren().filter(Dialog.class::isInstance).forEach(d -> ((Dialog) d).close());
        NotificationsKt.clearNotifications();
        Karibu.navigate(location);
    }

    /** Presses a button as a person would, noting a refusal for lack of permission. */
    private static void press(Button button, String what, List<String> offenders) {
        NotificationsKt.clearNotifications();
        try {
            if (button.isEnabled()) {
                button.click();
            }
        } catch (Throwable e) {
            if (refused(e)) {
                offenders.add(what + ": " + e.getMessage());
            }
            return;
        }
        for (Notification n : NotificationsKt.getNotifications()) {
            String text = Optional.ofNullable(n.getElement().getProperty("text"))
                    .orElse(n.getElement().getTextRecursively());
            if (text.contains("do not allow") || text.toLowerCase(Locale.ROOT).contains("access denied")) {
                offenders.add(what + ": " + text);
            }
        }
    }

    private static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException
                    || t instanceof AuthorizationDeniedException
                    || t instanceof com.vaadin.flow.router.AccessDeniedException
                    || t.getClass().getSimpleName().equals("MockAccessDeniedException")) {
                return true;
            }
        }
        return false;
    }

    private static List<Button> buttons() {
        return offered(Button.class).stream().filter(b -> !inDialog(b)).toList();
    }

    private static List<Button> dialogButtons() {
        return offered(Button.class).stream()
                .filter(OfferedActionsByRoleTest::inDialog)
                .toList();
    }

    /** The components of this kind a person sees and can use: shown, with every ancestor shown, and enabled. */
    private static <T extends Component> List<T> offered(Class<T> type) {
        return LocatorJ._find(type).stream()
                .filter(OfferedActionsByRoleTest::shown)
                .filter(c -> c.getElement().isEnabled())
                .toList();
    }

    private static boolean shown(Component c) {
        for (Component at = c; at != null; at = at.getParent().orElse(null)) {
            if (!at.isVisible() || (at instanceof Dialog d && !d.isOpened())) {
                return false;
            }
        }
        return true;
    }

    private static boolean inDialog(Component c) {
        for (Component at = c; at != null; at = at.getParent().orElse(null)) {
            if (at instanceof Dialog) {
                return true;
            }
        }
        return false;
    }

    private static String name(Button b) {
        String text = b.getText();
        if (text == null || text.isBlank()) {
            text = b.getElement().getAttribute("aria-label");
        }
        if (text == null || text.isBlank()) {
            text = b.getElement().getProperty("title", b.getId().orElse("unnamed button"));
        }
        return text.strip();
    }

    /** A link to a screen of Aegis (not a download, not elsewhere). */
    private static boolean inside(String href) {
        return href != null
                && !href.isBlank()
                && !href.startsWith("http")
                && !href.startsWith("mailto:")
                && !href.startsWith("#")
                && !href.startsWith("/")
                && !href.contains("download")
                && !href.startsWith("api/")
                && !href.startsWith("VAADIN/");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
