package dev.aegis.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in principal: what Spring Security needs, and nothing that can go stale in a session. */
public record AegisUser(
        long id,
        String username,
        String displayName,
        String passwordHash,
        boolean enabled,
        boolean locked,
        Set<Role> roles)
        implements UserDetails {

    static AegisUser of(UserAccount account, boolean locked) {
        return new AegisUser(
                account.getId(),
                account.getUsername(),
                account.getDisplayName(),
                account.getPasswordHash() == null ? "" : account.getPasswordHash(),
                account.isEnabled(),
                locked,
                account.getRoles());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(roles);
    }

    static List<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "AegisUser[" + username + "]"; // never print the hash
    }
}
