package dev.aegis.security;

import dev.aegis.security.SecurityEvents.PasswordChanged;
import dev.aegis.security.SecurityEvents.RolesChanged;
import dev.aegis.security.SecurityEvents.TwoFactorEnabled;
import dev.aegis.security.SecurityEvents.TwoFactorPolicyChanged;
import dev.aegis.security.SecurityEvents.TwoFactorReset;
import dev.aegis.security.SecurityEvents.UserActivated;
import dev.aegis.security.SecurityEvents.UserCreated;
import dev.aegis.security.SecurityEvents.UserDeactivated;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People and their roles. Administration is for ADMIN only; every signed-in person may change their own password
 * and set up their own second factor. The rules are enforced here, whatever screen or endpoint calls.
 */
@Service
@Transactional
public class UserService {

    private static final String ANY_ROLE =
            "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','VENDOR_MANAGER','SYSTEM_OWNER')";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAccounts users;
    private final RolePolicies policies;
    private final PasswordEncoder encoder;
    private final PasswordPolicy passwordPolicy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserService(
            UserAccounts users,
            RolePolicies policies,
            PasswordEncoder encoder,
            PasswordPolicy passwordPolicy,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.policies = policies;
        this.encoder = encoder;
        this.passwordPolicy = passwordPolicy;
        this.events = events;
        this.clock = clock;
    }

    /** What an administrator sees once after creating a user or resetting a password. */
    public record OneTimePassword(String username, String password) {}

    public record NewUser(String username, String displayName, String email, Set<Role> roles) {}

    /** Someone a notification can reach: an active user, with the e-mail address they gave (or null). */
    public record Recipient(String username, String displayName, String email) {}

    // ---- recipients (for notifications sent by the system, so no role check) ---------------------------------

    /** The active users among these names (unknown or deactivated names are left out). */
    @Transactional(readOnly = true)
    public java.util.List<Recipient> recipients(java.util.Collection<String> usernames) {
        return usernames.stream()
                .filter(java.util.Objects::nonNull)
                .distinct()
                .map(users::findByUsername)
                .flatMap(java.util.Optional::stream)
                .filter(UserAccount::isEnabled)
                .map(u -> new Recipient(u.getUsername(), u.getDisplayName(), u.getEmail()))
                .toList();
    }

    /** The active users holding a role, e.g. every vendor manager. */
    @Transactional(readOnly = true)
    public java.util.List<Recipient> recipientsWithRole(Role role) {
        return users.findActiveWithRole(role).stream()
                .map(u -> new Recipient(u.getUsername(), u.getDisplayName(), u.getEmail()))
                .toList();
    }

    // ---- administration -------------------------------------------------------------------------------------

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<UserAccount> search(String text, Pageable page) {
        return users.search(text == null ? "" : text.trim(), page);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long count(String text) {
        return users.search(text == null ? "" : text.trim(), Pageable.ofSize(1)).getTotalElements();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public OneTimePassword create(NewUser request) {
        String username = request.username() == null ? "" : request.username().trim();
        if (!username.matches("[A-Za-z0-9._@-]{3,100}")) {
            throw new DomainRuleException(
                    "username", "A user name has 3 to 100 letters, digits, dots, dashes, underscores or @.");
        }
        if (users.findByUsername(username).isPresent()) {
            throw new DomainRuleException("username", "The user name " + username + " is taken.");
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            throw new DomainRuleException("roles", "Give the user at least one role.");
        }
        String display = request.displayName() == null || request.displayName().isBlank()
                ? username
                : request.displayName().trim();
        if (display.length() > 200) {
            throw new DomainRuleException("displayName", "A display name has at most 200 characters.");
        }
        String email = blankToNull(request.email());
        if (email != null && (email.length() > 320 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new DomainRuleException("email", "Enter an e-mail address like name@example.org, or leave it empty.");
        }
        UserAccount account =
                new UserAccount(username, display, email, UserAccount.Source.LOCAL, request.roles(), clock.instant());
        String password = randomPassword();
        account.setPassword(encoder.encode(password), true);
        users.save(account);
        events.publishEvent(new UserCreated(username, names(request.roles())));
        return new OneTimePassword(username, password);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void assignRoles(long userId, Set<Role> roles) {
        UserAccount account = find(userId);
        if (roles == null || roles.isEmpty()) {
            throw new DomainRuleException("roles", "Give the user at least one role.");
        }
        if (account.getRoles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            requireAnotherActiveAdmin(account);
        }
        String before = names(account.getRoles());
        account.assignRoles(roles);
        events.publishEvent(new RolesChanged(account.getUsername(), before, names(roles)));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void deactivate(long userId) {
        UserAccount account = find(userId);
        if (account.getUsername().equalsIgnoreCase(Actors.current())) {
            throw new DomainRuleException("You cannot deactivate your own account.");
        }
        if (account.getRoles().contains(Role.ADMIN)) {
            requireAnotherActiveAdmin(account);
        }
        account.deactivate();
        events.publishEvent(new UserDeactivated(account.getUsername()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void activate(long userId) {
        UserAccount account = find(userId);
        account.activate();
        events.publishEvent(new UserActivated(account.getUsername()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public OneTimePassword resetPassword(long userId) {
        UserAccount account = find(userId);
        if (account.getSource() != UserAccount.Source.LOCAL) {
            throw new DomainRuleException("This user signs in through the identity provider and has no password here.");
        }
        String password = randomPassword();
        account.setPassword(encoder.encode(password), true);
        account.unlock();
        events.publishEvent(new PasswordChanged(account.getUsername(), true));
        return new OneTimePassword(account.getUsername(), password);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void resetTwoFactor(long userId) {
        UserAccount account = find(userId);
        account.resetTotp();
        events.publishEvent(new TwoFactorReset(account.getUsername()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<RolePolicy> rolePolicies() {
        return policies.findAll().stream()
                .sorted((a, b) -> a.getRole().compareTo(b.getRole()))
                .toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void requireTwoFactor(Role role, boolean required) {
        RolePolicy policy = policies.findById(role).orElseThrow(() -> new NotFoundException("No policy for " + role));
        policy.requireTotp(required);
        events.publishEvent(new TwoFactorPolicyChanged(role, required));
    }

    // ---- one's own account ----------------------------------------------------------------------------------

    @PreAuthorize(ANY_ROLE)
    @Transactional(readOnly = true)
    public UserAccount me() {
        return current();
    }

    /** Whether the signed-in person must choose a new password before doing anything else. */
    @Transactional(readOnly = true)
    public boolean mustChangePassword(String username) {
        return users.findByUsername(username)
                .map(UserAccount::isMustChangePassword)
                .orElse(false);
    }

    /** Whether the signed-in person must set up two-factor sign-in before doing anything else. */
    @Transactional(readOnly = true)
    public boolean mustEnrolTwoFactor(String username) {
        return users.findByUsername(username)
                .filter(u -> u.getSource() == UserAccount.Source.LOCAL && !u.isTotpEnabled())
                .map(u -> policies.totpRequiredForAny(u.getRoles()))
                .orElse(false);
    }

    @PreAuthorize(ANY_ROLE)
    public void changeOwnPassword(String currentPassword, String newPassword) {
        UserAccount account = current();
        if (account.getPasswordHash() == null || !encoder.matches(currentPassword, account.getPasswordHash())) {
            throw new DomainRuleException("currentPassword", "The current password is not right.");
        }
        if (encoder.matches(newPassword, account.getPasswordHash())) {
            throw new DomainRuleException("password", "Choose a password different from the current one.");
        }
        passwordPolicy.check(account.getUsername(), newPassword);
        account.setPassword(encoder.encode(newPassword), false);
        events.publishEvent(new PasswordChanged(account.getUsername(), false));
    }

    /** Starts (or restarts) two-factor enrolment and gives back the secret and the otpauth:// URI to scan. */
    @PreAuthorize(ANY_ROLE)
    public TwoFactorEnrolment startTwoFactorEnrolment() {
        UserAccount account = current();
        if (account.isTotpEnabled()) {
            throw new DomainRuleException("Two-factor sign-in is already set up. An administrator can reset it.");
        }
        String secret = Totp.newSecret();
        account.startTotpEnrolment(secret);
        return new TwoFactorEnrolment(secret, Totp.otpauthUri("Aegis", account.getUsername(), secret));
    }

    @PreAuthorize(ANY_ROLE)
    public void confirmTwoFactor(String code) {
        UserAccount account = current();
        if (account.getTotpSecret() == null) {
            throw new DomainRuleException("Start the set-up first.");
        }
        if (!Totp.verify(account.getTotpSecret(), code, clock.instant())) {
            throw new DomainRuleException(
                    "code", "That code is not right. Check the time on your phone and try again.");
        }
        account.confirmTotp();
        events.publishEvent(new TwoFactorEnabled(account.getUsername()));
    }

    public record TwoFactorEnrolment(String secret, String otpauthUri) {}

    // ---- helpers --------------------------------------------------------------------------------------------

    private UserAccount current() {
        String name = Actors.current();
        return users.findByUsername(name).orElseThrow(() -> new NotFoundException("No account for " + name));
    }

    private UserAccount find(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("No user with id " + id));
    }

    private void requireAnotherActiveAdmin(UserAccount leaving) {
        boolean another = users.findAll().stream()
                .anyMatch(u -> !u.getId().equals(leaving.getId())
                        && u.isEnabled()
                        && u.getRoles().contains(Role.ADMIN));
        if (!another) {
            throw new DomainRuleException("roles", "Aegis needs at least one active administrator.");
        }
    }

    static String randomPassword() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }

    static String names(Set<Role> roles) {
        return roles.stream()
                .map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new))
                .toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
