package dev.aegis.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.security.UserService;
import dev.aegis.shared.ui.DashboardView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@AegisTest
class NavigationTest {

    private static final List<String> REGISTERS =
            List.of("Dashboard", "AI systems", "Risks", "Controls", "Coverage", "Statement of Applicability");
    private static final List<String> CATALOGS = List.of("Frameworks", "Crosswalks", "ATLAS matrix");

    private static final Map<Role, List<String>> MENU = Map.of(
            Role.ADMIN,
                    menu(
                            true,
                            true,
                            true,
                            "Import framework",
                            "Policies",
                            "AIMS scope",
                            "AIMS roles",
                            "Impact assessments",
                            "AI objectives",
                            "Competence",
                            "Planned changes",
                            "Internal audits",
                            "Nonconformities",
                            "Management reviews",
                            "Monitor",
                            "Telemetry sources",
                            "Audit log",
                            "Users",
                            "Organisation",
                            "Notifications",
                            "My account",
                            "About"),
            Role.AUDITOR,
                    menu(
                            true,
                            true,
                            true,
                            "Policies",
                            "AIMS scope",
                            "AIMS roles",
                            "Impact assessments",
                            "AI objectives",
                            "Competence",
                            "Planned changes",
                            "Internal audits",
                            "Nonconformities",
                            "Management reviews",
                            "Monitor",
                            "Audit log",
                            "Notifications",
                            "My account",
                            "About"),
            Role.GOVERNANCE_OFFICER,
                    menu(
                            true,
                            true,
                            true,
                            "Import framework",
                            "Policies",
                            "AIMS scope",
                            "AIMS roles",
                            "Impact assessments",
                            "AI objectives",
                            "Competence",
                            "Planned changes",
                            "Internal audits",
                            "Nonconformities",
                            "Management reviews",
                            "Monitor",
                            "Notifications",
                            "My account",
                            "About"),
            // everyone reads the policies in force and acknowledges them
            Role.VENDOR_MANAGER, menu(true, false, false, "Policies", "Notifications", "My account", "About"),
            Role.SYSTEM_OWNER, menu(false, true, false, "Policies", "Notifications", "My account", "About"));

    /**
     * The registers; Vendors and Assessments for those who see vendors; Findings and Evidence for those who read them;
     * Evidence packs for those who build them; the catalogs; then what else the role has.
     */
    private static List<String> menu(boolean vendors, boolean findingsAndEvidence, boolean packs, String... after) {
        List<String> items = new java.util.ArrayList<>(REGISTERS);
        if (vendors) {
            items.add("Vendors");
            items.add("Assessments");
        }
        if (findingsAndEvidence) {
            items.add("Findings");
            items.add("Evidence");
        }
        if (packs) {
            items.add("Evidence packs");
        }
        items.addAll(CATALOGS);
        items.addAll(List.of(after));
        return List.copyOf(items);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    UserService users;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void the_side_nav_lists_exactly_the_views_the_role_may_open(Role role) {
        Karibu.signInAndOpen(context, accounts.create("nav", role));

        UI.getCurrent().navigate(DashboardView.class);

        _assertOne(DashboardView.class);
        List<String> labels = _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .map(SideNavItem::getLabel)
                .toList();
        assertThat(labels).containsExactlyElementsOf(MENU.get(role));
    }

    @Test
    void a_user_who_must_change_the_password_is_sent_to_change_password_first() {
        AegisUser admin = accounts.create("admin", Role.ADMIN);
        AegisUser newcomer = accounts.create("newcomer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(admin);
        users.resetPassword(newcomer.id());
        TestAccounts.signOut();

        Karibu.signInAndOpen(context, newcomer);
        UI.getCurrent().navigate(DashboardView.class);
        _assertOne(ChangePasswordView.class);
        _assertNone(DashboardView.class);

        UI.getCurrent().navigate(AccountView.class);
        _assertOne(ChangePasswordView.class);
        _assertNone(AccountView.class);
    }
}
