package dev.aegis.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A person who signs in to Aegis. */
@Entity
@Table(schema = "security", name = "app_user")
public class UserAccount {

    public enum Source {
        LOCAL,
        OIDC
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source = Source.LOCAL;

    private boolean enabled = true;

    @Column(name = "must_change_password")
    private boolean mustChangePassword;

    @Column(name = "totp_secret")
    private String totpSecret;

    @Column(name = "totp_enabled")
    private boolean totpEnabled;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Column(nullable = false)
    private String theme = "light";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = "security", name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected UserAccount() {}

    UserAccount(String username, String displayName, String email, Source source, Set<Role> roles, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.source = source;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.createdAt = createdAt;
    }

    /** Someone the identity provider vouches for: no password here, the provider owns their profile and roles. */
    static UserAccount fromIdentityProvider(
            String username, String displayName, String email, Set<Role> roles, Instant createdAt) {
        return new UserAccount(username, displayName, email, Source.OIDC, roles, createdAt);
    }

    /**
     * Takes the profile and roles the identity provider sent at sign-in; Aegis keeps no local changes for such users.
     *
     * @return whether the roles changed
     */
    boolean synchroniseFromIdentityProvider(String displayName, String email, Set<Role> providerRoles) {
        if (source != Source.OIDC) {
            throw new IllegalStateException(username + " signs in with a password, not through the identity provider");
        }
        updateProfile(displayName, email);
        if (roles.equals(providerRoles)) {
            return false;
        }
        assignRoles(providerRoles);
        return true;
    }

    void setPassword(String hash, boolean mustChange) {
        this.passwordHash = hash;
        this.mustChangePassword = mustChange;
    }

    void assignRoles(Set<Role> newRoles) {
        roles.clear();
        roles.addAll(newRoles);
    }

    void deactivate() {
        enabled = false;
    }

    void activate() {
        enabled = true;
        lockedUntil = null;
    }

    void lockUntil(Instant until) {
        lockedUntil = until;
    }

    void unlock() {
        lockedUntil = null;
    }

    void startTotpEnrolment(String secret) {
        totpSecret = secret;
        totpEnabled = false;
    }

    void confirmTotp() {
        if (totpSecret == null) {
            throw new IllegalStateException("two-factor enrolment was not started");
        }
        totpEnabled = true;
    }

    void resetTotp() {
        totpSecret = null;
        totpEnabled = false;
    }

    void signedIn(Instant at) {
        lastSignInAt = at;
        lockedUntil = null;
    }

    void updateProfile(String displayName, String email) {
        this.displayName = displayName;
        this.email = email;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Source getSource() {
        return source;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    String getTotpSecret() {
        return totpSecret;
    }

    public boolean isTotpEnabled() {
        return totpEnabled;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
}
