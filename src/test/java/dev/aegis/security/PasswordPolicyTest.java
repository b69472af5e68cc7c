package dev.aegis.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.shared.DomainRuleException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void a_password_needs_twelve_characters() {
        assertThatThrownBy(() -> policy.check("ann", "Xk9#mQ2$vL7"))
                .isInstanceOf(DomainRuleException.class)
                .hasMessageContaining("12");
        assertThatCode(() -> policy.check("ann", "Xk9#mQ2$vL7!")).doesNotThrowAnyException();
    }

    @Test
    void common_passwords_are_refused_even_with_digits_added() {
        assertThatThrownBy(() -> policy.check("ann", "passwordpassword")).hasMessageContaining("common");
        assertThatThrownBy(() -> policy.check("ann", "sunshine12345678")).hasMessageContaining("common");
        assertThatThrownBy(() -> policy.check("ann", "aaaaaaaaaaaaaaaa")).hasMessageContaining("common");
    }

    @Test
    void the_user_name_may_not_be_in_the_password() {
        assertThatThrownBy(() -> policy.check("margaret", "Margaret-2026-xyz")).hasMessageContaining("user name");
    }
}
