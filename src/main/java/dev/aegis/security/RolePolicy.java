package dev.aegis.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Per-role sign-in rules set by an administrator. */
@Entity
@Table(schema = "security", name = "role_policy")
public class RolePolicy {
    @Id
    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "totp_required")
    private boolean totpRequired;

    @Version
    private long version;

    protected RolePolicy() {}

    public Role getRole() {
        return role;
    }

    public boolean isTotpRequired() {
        return totpRequired;
    }

    void requireTotp(boolean required) {
        this.totpRequired = required;
    }
}
