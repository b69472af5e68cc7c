package dev.aegis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.AegisTest;
import dev.aegis.shared.DomainRuleException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

@AegisTest
class UserServiceTest {

    @Autowired
    UserService service;

    @Autowired
    TestAccounts accounts;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void only_admins_manage_users_whatever_screen_or_endpoint_calls() {
        for (Role role : EnumSet.complementOf(EnumSet.of(Role.ADMIN))) {
            TestAccounts.signIn(accounts.create("not-admin", role));
            assertThatThrownBy(() -> service.create(
                            new UserService.NewUser("x" + System.nanoTime(), "X", null, Set.of(Role.AUDITOR))))
                    .as(role.name())
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> service.requireTwoFactor(Role.AUDITOR, true))
                    .as(role.name())
                    .isInstanceOf(AuthorizationDeniedException.class);
        }
    }

    @Test
    void a_new_user_gets_a_one_time_password_they_must_change() {
        TestAccounts.signIn(accounts.create("admin", Role.ADMIN));
        String name = "newcomer" + System.nanoTime();
        UserService.OneTimePassword otp = service.create(
                new UserService.NewUser(name, "New Comer", "n@example.org", Set.of(Role.GOVERNANCE_OFFICER)));
        assertThat(otp.password()).hasSizeGreaterThanOrEqualTo(12);
        UserAccount account = users.findByUsername(name).orElseThrow();
        assertThat(account.isMustChangePassword()).isTrue();
        assertThat(account.getPasswordHash()).startsWith("{bcrypt}").doesNotContain(otp.password());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where action = 'CREATE' and object_id = ?",
                        Long.class,
                        name))
                .isEqualTo(1);
    }

    @Test
    void a_role_change_is_audited_with_before_and_after() {
        TestAccounts.signIn(accounts.create("admin", Role.ADMIN));
        AegisUser someone = accounts.create("promoted", Role.AUDITOR);
        service.assignRoles(someone.id(), Set.of(Role.AUDITOR, Role.GOVERNANCE_OFFICER));
        String changes = jdbc.queryForObject(
                "select changes from audit.audit_entry where action = 'ROLES_CHANGED' " + "and object_id = ?",
                String.class,
                someone.username());
        assertThat(changes)
                .contains("\"before\":\"[AUDITOR]\"")
                .contains("\"after\":\"[AUDITOR, GOVERNANCE_OFFICER]\"");
    }

    @Test
    void an_admin_cannot_deactivate_themselves() {
        AegisUser admin = accounts.create("admin", Role.ADMIN);
        TestAccounts.signIn(admin);
        assertThatThrownBy(() -> service.deactivate(admin.id()))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("your own account");
    }

    @Test
    void a_mandatory_second_factor_for_a_role_sends_its_users_to_set_one_up() {
        TestAccounts.signIn(accounts.create("admin", Role.ADMIN));
        AegisUser vm = accounts.create("vm", Role.VENDOR_MANAGER);
        assertThat(service.mustEnrolTwoFactor(vm.username())).isFalse();
        service.requireTwoFactor(Role.VENDOR_MANAGER, true);
        try {
            assertThat(service.mustEnrolTwoFactor(vm.username())).isTrue();
        } finally {
            service.requireTwoFactor(Role.VENDOR_MANAGER, false);
        }
    }

    @Test
    void the_own_password_change_checks_the_current_one_and_the_policy() {
        AegisUser me = accounts.create("changer", Role.AUDITOR);
        TestAccounts.signIn(me);
        assertThatThrownBy(() -> service.changeOwnPassword("wrong", "Quite-Long-Passphrase-77"))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("currentPassword");
        assertThatThrownBy(() -> service.changeOwnPassword(TestAccounts.PASSWORD, "short"))
                .isInstanceOf(DomainRuleException.class)
                .extracting("field")
                .isEqualTo("password");
        service.changeOwnPassword(TestAccounts.PASSWORD, "Quite-Long-Passphrase-77");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where action = 'PASSWORD_CHANGED' "
                                + "and object_id = ?",
                        Long.class,
                        me.username()))
                .isEqualTo(1);
    }
}
