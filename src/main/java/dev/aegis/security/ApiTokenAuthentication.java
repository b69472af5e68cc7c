package dev.aegis.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by a personal API token; it acts with its owner's roles. */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {
    private final AegisUser owner;
    private final long tokenId;

    ApiTokenAuthentication(AegisUser owner, long tokenId) {
        super(owner.getAuthorities());
        this.owner = owner;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return owner;
    }

    @Override
    public String getName() {
        return owner.username();
    }

    public long tokenId() {
        return tokenId;
    }
}
