package dev.aegis.vendor;

import dev.aegis.shared.ClientRateLimiter;
import dev.aegis.shared.SecretTokens;

/** The portal's rate limits: one bucket per client address, one per token. */
public final class PortalLimits {

    private final ClientRateLimiter perToken;
    private final ClientRateLimiter perClient;

    public PortalLimits(ClientRateLimiter perToken, ClientRateLimiter perClient) {
        this.perToken = perToken;
        this.perClient = perClient;
    }

    /** Takes a call for this token from this client: 0 when it may go ahead, else the seconds to wait. */
    public long check(String token, String client) {
        long wait = perClient.tryAcquire(client);
        return wait > 0 ? wait : perToken.tryAcquire(SecretTokens.sha256(String.valueOf(token)));
    }
}
