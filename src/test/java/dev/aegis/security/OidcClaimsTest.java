package dev.aegis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcClaimsTest {

    @Test
    void mapped_values_and_exact_role_names_become_aegis_roles() {
        OidcClaims claims = OidcClaims.of("preferred_username", "roles", "aegis-admins=ADMIN, auditors=auditor");

        assertThat(claims.roles(Map.of("roles", List.of("aegis-admins", "GOVERNANCE_OFFICER", "auditors", "other"))))
                .containsExactlyInAnyOrder(Role.ADMIN, Role.AUDITOR, Role.GOVERNANCE_OFFICER);
    }

    @Test
    void a_providers_own_lower_case_admin_role_is_not_aegis_admin() {
        OidcClaims claims = OidcClaims.of("preferred_username", "roles", "");

        assertThat(claims.roles(Map.of("roles", List.of("admin", "governance_officer"))))
                .isEmpty();
    }

    @Test
    void a_dotted_roles_claim_reaches_into_nested_claims_like_keycloaks_realm_access() {
        OidcClaims claims = OidcClaims.of("preferred_username", "realm_access.roles", "aegis-auditors=AUDITOR");

        assertThat(claims.roles(Map.of("realm_access", Map.of("roles", List.of("aegis-auditors", "offline_access")))))
                .containsExactly(Role.AUDITOR);
    }

    @Test
    void a_claim_whose_name_contains_dots_is_read_by_its_full_name() {
        OidcClaims claims = OidcClaims.of("preferred_username", "https://aegis.example.org/roles", "");

        assertThat(claims.roles(Map.of("https://aegis.example.org/roles", List.of("SYSTEM_OWNER"))))
                .containsExactly(Role.SYSTEM_OWNER);
    }

    @Test
    void a_single_string_claim_counts_as_one_value() {
        OidcClaims claims = OidcClaims.of("preferred_username", "groups", "Aegis Admins=ADMIN");

        assertThat(claims.roles(Map.of("groups", "Aegis Admins"))).containsExactly(Role.ADMIN);
    }

    @Test
    void one_value_may_map_to_several_roles() {
        OidcClaims claims =
                OidcClaims.of("preferred_username", "groups", "risk-team=GOVERNANCE_OFFICER,risk-team=AUDITOR");

        assertThat(claims.roles(Map.of("groups", List.of("risk-team"))))
                .containsExactlyInAnyOrder(Role.GOVERNANCE_OFFICER, Role.AUDITOR);
    }

    @Test
    void missing_claims_give_no_roles_and_no_user_name() {
        OidcClaims claims = OidcClaims.of("preferred_username", "realm_access.roles", "a=ADMIN");

        assertThat(claims.roles(Map.of("realm_access", "not an object"))).isEmpty();
        assertThat(claims.roles(Map.of())).isEmpty();
        assertThat(claims.username(Map.of("sub", "123"))).isNull();
        assertThat(claims.username(Map.of("preferred_username", " olivia "))).isEqualTo("olivia");
    }

    @Test
    void a_mapping_to_an_unknown_role_stops_start_up_naming_the_variable() {
        assertThatThrownBy(() -> OidcClaims.parseMapping("aegis-admins=ADMN"))
                .hasMessageContaining("AEGIS_OIDC_ROLE_MAPPING")
                .hasMessageContaining("ADMN");
        assertThatThrownBy(() -> OidcClaims.parseMapping("aegis-admins"))
                .hasMessageContaining("AEGIS_OIDC_ROLE_MAPPING")
                .hasMessageContaining("claim-value=ROLE");
    }
}
