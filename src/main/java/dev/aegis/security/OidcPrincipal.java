package dev.aegis.security;

import java.io.Serial;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * Someone signed in through the identity provider. Its name is the Aegis user name as stored (not the raw claim,
 * whose case may differ), so the audit log and every name lookup agree with password sign-in.
 */
final class OidcPrincipal extends DefaultOidcUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String username;

    OidcPrincipal(
            String username,
            Collection<? extends GrantedAuthority> authorities,
            OidcIdToken idToken,
            OidcUserInfo userInfo) {
        super(authorities, idToken, userInfo); // "sub" is the one claim every ID token has
        this.username = username;
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OidcPrincipal that && username.equals(that.username) && super.equals(other);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + username.hashCode();
    }

    @Override
    public String toString() {
        return "OidcPrincipal[" + username + "]"; // the default prints every claim
    }
}
