package dev.aegis.security.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.aegis.AegisTest;
import dev.aegis.Karibu;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.SignIns;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.ui.DashboardView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

@AegisTest
class ChangePasswordViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestAccounts accounts;

    @Autowired
    SignIns signIns;

    @Autowired
    PasswordEncoder encoder;

    @AfterEach
    void close() {
        Karibu.close();
    }

    @Test
    void weak_password_is_refused_with_a_message_next_to_the_field() {
        AegisUser user = open(accounts.create("weak", Role.SYSTEM_OWNER));
        ChangePasswordView view = _get(ChangePasswordView.class);

        Karibu.setValue(view.current, TestAccounts.PASSWORD);
        Karibu.setValue(view.password, "password12345");
        Karibu.setValue(view.repeat, "password12345");
        _click(view.save);

        _assertOne(ChangePasswordView.class);
        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).contains("among the most common");
        assertThat(view.current.isInvalid()).isFalse();
        assertThat(encoder.matches(
                        TestAccounts.PASSWORD,
                        signIns.loadUserByUsername(user.username()).getPassword()))
                .isTrue();
    }

    @Test
    void a_wrong_current_password_is_named_at_its_own_field() {
        open(accounts.create("wrong", Role.AUDITOR));
        ChangePasswordView view = _get(ChangePasswordView.class);

        Karibu.setValue(view.current, "not-my-password-at-all");
        Karibu.setValue(view.password, "Quiet-Meadow-Copper-58");
        Karibu.setValue(view.repeat, "Quiet-Meadow-Copper-58");
        _click(view.save);

        assertThat(view.current.isInvalid()).isTrue();
        assertThat(view.current.getErrorMessage()).isEqualTo("The current password is not right.");
        assertThat(view.password.isInvalid()).isFalse();
    }

    @Test
    void a_good_password_is_taken_and_leads_to_the_dashboard() {
        AegisUser user = open(accounts.create("good", Role.GOVERNANCE_OFFICER));
        ChangePasswordView view = _get(ChangePasswordView.class);

        Karibu.setValue(view.current, TestAccounts.PASSWORD);
        Karibu.setValue(view.password, "Quiet-Meadow-Copper-58");
        Karibu.setValue(view.repeat, "Quiet-Meadow-Copper-58");
        _click(view.save);

        _assertOne(DashboardView.class);
        assertThat(encoder.matches(
                        "Quiet-Meadow-Copper-58",
                        signIns.loadUserByUsername(user.username()).getPassword()))
                .isTrue();
    }

    private AegisUser open(AegisUser user) {
        Karibu.signInAndOpen(context, user);
        UI.getCurrent().navigate(ChangePasswordView.class);
        _assertOne(ChangePasswordView.class);
        return user;
    }
}
