package dev.aegis.security.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.TextField;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.RolePolicy;
import dev.aegis.security.SignIns;
import dev.aegis.security.TestAccounts;
import dev.aegis.security.UserService;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Pageable;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;

@AegisTest
class UsersViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    UserService users;

    @Autowired
    SignIns signIns;

    @Autowired
    PasswordEncoder encoder;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void admin_creates_a_user_and_sees_the_one_time_password_once() {
        openAsAdmin();
        String username = unique("alice");

        _click(_get(Button.class, spec -> spec.withId("new-user")));
        NewUserDialog dialog = _get(NewUserDialog.class);
        Karibu.setValue(dialog.username, username);
        Karibu.setValue(dialog.displayName, "Alice Example");
        Karibu.setValue(dialog.email, "alice@example.org");
        Karibu.setValue(dialog.roles, EnumSet.of(Role.AUDITOR, Role.GOVERNANCE_OFFICER));
        _click(_get(Button.class, spec -> spec.withId("create-user")));

        _assertNone(NewUserDialog.class);
        TextField shown = _get(TextField.class, spec -> spec.withId("one-time-password"));
        String password = shown.getValue();
        assertThat(password).hasSize(20);
        assertThat(shown.isReadOnly()).isTrue();
        assertThat(_get(SecretDialog.class).getElement().getTextRecursively())
                .contains("shown only now")
                .contains("must be changed at the first sign-in");
        assertThat(encoder.matches(
                        password, signIns.loadUserByUsername(username).getPassword()))
                .isTrue();

        _click(_get(Button.class, spec -> spec.withId("one-time-password-done")));
        MockVaadin.clientRoundtrip(false);

        _assertNone(SecretDialog.class);
        assertThat(shown.getValue()).isEmpty();
        assertThat(UI.getCurrent().getElement().getTextRecursively()).doesNotContain(password);
        assertThat(_find(Component.class).stream()
                        .filter(HasValue.class::isInstance)
                        .map(c -> String.valueOf(((HasValue<?, ?>) c).getValue())))
                .noneMatch(value -> value.contains(password));

        UsersView view = _get(UsersView.class);
        Karibu.setValue(view.search, username);
        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(_getFormatted(view.grid, 0, "displayName")).isEqualTo("Alice Example");
        assertThat(_getFormatted(view.grid, 0, "roles")).isEqualTo("Governance officer, Auditor");
        assertThat(_getFormatted(view.grid, 0, "status")).isEqualTo("Active (must change password)");
        assertThat(_getFormatted(view.grid, 0, "twoFactor")).isEqualTo("Off");
        assertThat(_getFormatted(view.grid, 0, "lastSignIn")).isEqualTo("never");
    }

    @Test
    void a_taken_user_name_is_refused_next_to_the_field_and_enter_submits() {
        AegisUser admin = openAsAdmin();

        _click(_get(Button.class, spec -> spec.withId("new-user")));
        NewUserDialog dialog = _get(NewUserDialog.class);
        Karibu.setValue(dialog.username, admin.username());
        Karibu.setValue(dialog.roles, EnumSet.of(Role.AUDITOR));
        _fireShortcut(dialog, Key.ENTER);

        _assertOne(NewUserDialog.class);
        assertThat(dialog.username.isInvalid()).isTrue();
        assertThat(dialog.username.getErrorMessage()).contains("is taken");
        _assertNone(SecretDialog.class);

        Karibu.setValue(dialog.username, unique("bob"));
        Karibu.setValue(dialog.roles, EnumSet.noneOf(Role.class));
        _click(dialog.create);
        assertThat(dialog.username.isInvalid()).isFalse();
        assertThat(dialog.roles.isInvalid()).isTrue();
        assertThat(dialog.roles.getErrorMessage()).isEqualTo("Give the user at least one role.");
    }

    @Test
    void admin_deactivates_a_user_after_confirming_and_activates_them_again() {
        openAsAdmin();
        AegisUser someone = accounts.create("someone", Role.SYSTEM_OWNER);
        UsersView view = _get(UsersView.class);
        Karibu.setValue(view.search, someone.username());

        _click(rowAction(view, "deactivate-" + someone.id()));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-deactivate")));

        assertThat(_getFormatted(view.grid, 0, "status")).isEqualTo("Deactivated");
        assertThat(signIns.loadUserByUsername(someone.username()).isEnabled()).isFalse();

        _click(rowAction(view, "activate-" + someone.id()));
        assertThat(_getFormatted(view.grid, 0, "status")).isEqualTo("Active");
    }

    @Test
    void admin_resets_a_password_and_sees_the_new_one_once() {
        openAsAdmin();
        AegisUser someone = accounts.create("forgetful", Role.VENDOR_MANAGER);
        UsersView view = _get(UsersView.class);
        Karibu.setValue(view.search, someone.username());

        _click(rowAction(view, "reset-password-" + someone.id()));
        _fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-reset-password")));

        String password =
                _get(TextField.class, spec -> spec.withId("one-time-password")).getValue();
        assertThat(encoder.matches(
                        password, signIns.loadUserByUsername(someone.username()).getPassword()))
                .isTrue();
        assertThat(_getFormatted(view.grid, 0, "status")).isEqualTo("Active (must change password)");
    }

    @Test
    void admin_changes_roles_but_not_of_the_last_active_administrator() {
        AegisUser admin = openAsAdmin();
        AegisUser someone = accounts.create("promoted", Role.SYSTEM_OWNER);
        UsersView view = _get(UsersView.class);
        Karibu.setValue(view.search, someone.username());

        _click(rowAction(view, "edit-roles-" + someone.id()));
        RolesDialog dialog = _get(RolesDialog.class);
        assertThat(dialog.roles.getValue()).containsExactly(Role.SYSTEM_OWNER);
        Karibu.setValue(dialog.roles, EnumSet.of(Role.SYSTEM_OWNER, Role.GOVERNANCE_OFFICER));
        _click(dialog.save);

        _assertNone(RolesDialog.class);
        assertThat(_getFormatted(view.grid, 0, "roles")).isEqualTo("Governance officer, System owner");

        _click(rowAction(view, "edit-roles-" + someone.id()));
        RolesDialog again = _get(RolesDialog.class);
        Karibu.setValue(again.roles, EnumSet.noneOf(Role.class));
        _click(again.save);
        assertThat(again.roles.isInvalid()).isTrue();
        assertThat(again.roles.getErrorMessage()).isEqualTo("Give the user at least one role.");
        assertThat(admin.roles()).contains(Role.ADMIN);
    }

    @Test
    void admin_requires_two_factor_for_a_role_with_one_checkbox() {
        AegisUser admin = openAsAdmin();
        Checkbox box = _get(Checkbox.class, spec -> spec.withId("require-two-factor-VENDOR_MANAGER"));
        assertThat(box.getValue()).isFalse();
        try {
            Karibu.setValue(box, true);
            assertThat(policy(Role.VENDOR_MANAGER).isTotpRequired()).isTrue();
            Karibu.setValue(box, false);
            assertThat(policy(Role.VENDOR_MANAGER).isTotpRequired()).isFalse();
        } finally {
            TestAccounts.signIn(admin);
            users.requireTwoFactor(Role.VENDOR_MANAGER, false); // other tests sign in vendor managers
        }
    }

    @Test
    void the_empty_state_says_what_to_do() {
        openAsAdmin();
        UsersView view = _get(UsersView.class);
        Karibu.setValue(view.search, "nobody-has-this-name");
        assertThat(_size(view.grid)).isZero();
        assertThat(view.grid.getEmptyStateText())
                .contains("nobody-has-this-name")
                .contains("New user");
    }

    @Test
    void admin_cannot_open_users_view_without_admin_role() {
        AegisUser auditor = accounts.create("auditor", Role.AUDITOR);
        Karibu.signInAndOpen(context, auditor);

        Throwable refused = catchThrowable(() -> UI.getCurrent().navigate(UsersView.class));

        assertThat(refused).isInstanceOf(MockAccessDeniedException.class).hasMessageContaining("denied");
        _assertNone(UsersView.class);
        // and the service behind it refuses too, whatever screen or endpoint calls
        assertThatThrownBy(() -> users.search("", Pageable.ofSize(10)))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    private AegisUser openAsAdmin() {
        AegisUser admin = accounts.create("admin", Role.ADMIN);
        Karibu.signInAndOpen(context, admin);
        UI.getCurrent().navigate(UsersView.class);
        _assertOne(UsersView.class);
        return admin;
    }

    private static Button rowAction(UsersView view, String id) {
        assertThat(_size(view.grid)).isEqualTo(1);
        return _get(_getCellComponent(view.grid, 0, "actions"), Button.class, spec -> spec.withId(id));
    }

    private RolePolicy policy(Role role) {
        return users.rolePolicies().stream()
                .filter(p -> p.getRole() == role)
                .findFirst()
                .orElseThrow();
    }

    private static String unique(String name) {
        return name + "-" + Long.toString(System.nanoTime(), 36);
    }
}
