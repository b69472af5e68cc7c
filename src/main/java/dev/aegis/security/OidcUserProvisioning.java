package dev.aegis.security;

import dev.aegis.security.SecurityEvents.RolesChanged;
import dev.aegis.security.SecurityEvents.SignInFailed;
import dev.aegis.security.SecurityEvents.UserCreated;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a person the identity provider vouches for into an Aegis user. The provider is the source of truth: the
 * account is created at first sign-in, and its name, e-mail and roles are taken from the claims at every sign-in.
 * Someone whose claims map to no Aegis role, whose account is deactivated here, or whose name belongs to a password
 * account is refused.
 */
class OidcUserProvisioning implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final OidcClaims claims;
    private final UserAccounts users;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OidcUserProvisioning(
            OidcClaims claims,
            UserAccounts users,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            Clock clock) {
        this(new OidcUserService(), claims, users, tx, events, clock);
    }

    OidcUserProvisioning(
            OAuth2UserService<OidcUserRequest, OidcUser> provider,
            OidcClaims claims,
            UserAccounts users,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            Clock clock) {
        this.provider = provider;
        this.claims = claims;
        this.users = users;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /** Why a sign-in is refused: the audit reason and what the person reads on the login page. */
    enum Refusal {
        NO_USERNAME(
                "NoUsernameClaim", "The identity provider did not send your user name. Ask an Aegis administrator."),
        NO_ROLE(
                "NoMappedRole",
                "Your account at the identity provider has no Aegis role. "
                        + "Ask an Aegis administrator to give you access."),
        DEACTIVATED("AccountDeactivated", "Your Aegis account has been deactivated. Ask an Aegis administrator."),
        PASSWORD_ACCOUNT(
                "PasswordAccountExists",
                "An Aegis account with a password already has your user name. " + "Ask an Aegis administrator.");

        final String reason;
        final String message;

        Refusal(String reason, String message) {
            this.reason = reason;
            this.message = message;
        }
    }

    private record Outcome(String username, Set<Role> roles, Refusal refusal) {
        static Outcome signedIn(UserAccount account) {
            return new Outcome(account.getUsername(), account.getRoles(), null);
        }

        static Outcome refused(String username, Refusal refusal) {
            return new Outcome(username, Set.of(), refusal);
        }
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser person = provider.loadUser(request);
        Map<String, Object> claimed = person.getClaims();
        String username = claims.username(claimed);
        if (username == null || username.length() > 100) {
            throw refuse(username == null ? person.getSubject() : username, Refusal.NO_USERNAME);
        }
        Outcome outcome = synchronise(username, displayName(claimed, username), email(claimed), claims.roles(claimed));
        if (outcome.refusal() != null) {
            throw refuse(outcome.username(), outcome.refusal());
        }
        return new OidcPrincipal(
                outcome.username(), AegisUser.authorities(outcome.roles()), person.getIdToken(), person.getUserInfo());
    }

    private Outcome synchronise(String username, String displayName, String email, Set<Role> roles) {
        try {
            return tx.execute(status -> synchroniseInTransaction(username, displayName, email, roles));
        } catch (DataIntegrityViolationException firstSignInRace) {
            // two first sign-ins of one person at once: the other one created the account, so update that
            return tx.execute(status -> synchroniseInTransaction(username, displayName, email, roles));
        }
    }

    private Outcome synchroniseInTransaction(String username, String displayName, String email, Set<Role> roles) {
        Optional<UserAccount> found = users.findByUsername(username);
        if (found.isEmpty()) {
            if (roles.isEmpty()) {
                return Outcome.refused(username, Refusal.NO_ROLE);
            }
            UserAccount account = users.saveAndFlush(
                    UserAccount.fromIdentityProvider(username, displayName, email, roles, clock.instant()));
            events.publishEvent(new UserCreated(account.getUsername(), UserService.names(roles)));
            return Outcome.signedIn(account);
        }
        UserAccount account = found.get();
        if (account.getSource() != UserAccount.Source.OIDC) {
            return Outcome.refused(account.getUsername(), Refusal.PASSWORD_ACCOUNT);
        }
        if (!account.isEnabled()) {
            return Outcome.refused(account.getUsername(), Refusal.DEACTIVATED);
        }
        String before = UserService.names(account.getRoles());
        // taken away at the provider means taken away here, even though this sign-in is then refused: API tokens
        // act with their owner's roles
        if (account.synchroniseFromIdentityProvider(displayName, email, roles)) {
            events.publishEvent(new RolesChanged(account.getUsername(), before, UserService.names(roles)));
        }
        return roles.isEmpty() ? Outcome.refused(account.getUsername(), Refusal.NO_ROLE) : Outcome.signedIn(account);
    }

    /**
     * Recorded outside any transaction, so the audit entry stays although the sign-in fails. Spring publishes no
     * failure event of its own for an {@link OAuth2AuthenticationException}, so this is the only entry.
     */
    private OAuth2AuthenticationException refuse(String username, Refusal refusal) {
        events.publishEvent(new SignInFailed(username, refusal.reason));
        return new OAuth2AuthenticationException(
                new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, refusal.message, null), refusal.message);
    }

    private static String displayName(Map<String, Object> claims, String username) {
        String name = text(claims.get("name"));
        if (name == null) {
            String given = text(claims.get("given_name"));
            String family = text(claims.get("family_name"));
            name = given == null ? family : family == null ? given : given + " " + family;
        }
        name = name == null ? username : name;
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static String email(Map<String, Object> claims) {
        String email = text(claims.get("email"));
        return email == null || email.length() > 320 ? null : email;
    }

    private static String text(Object claim) {
        return claim instanceof String s && !s.isBlank() ? s.trim() : null;
    }
}
