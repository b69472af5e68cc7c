package dev.aegis.security;

import dev.aegis.security.SecurityEvents.ApiTokenCreated;
import dev.aegis.security.SecurityEvents.ApiTokenRevoked;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal API tokens: made by their owner, shown once, stored hashed, expiring, revocable. */
@Service
@Transactional
public class ApiTokenService {

    static final String PREFIX = "aeg_";
    private static final String ANY_ROLE =
            "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','VENDOR_MANAGER','SYSTEM_OWNER')";

    private final ApiTokens tokens;
    private final UserAccounts users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokenService(ApiTokens tokens, UserAccounts users, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** The token as its owner sees it once, and never again. */
    public record IssuedToken(long id, String name, String token, Instant expiresAt) {}

    @PreAuthorize(ANY_ROLE)
    public IssuedToken create(String name, Instant expiresAt) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new DomainRuleException(
                    "name", "Name the token (up to 100 characters), e.g. after the script that uses it.");
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new DomainRuleException("expiresAt", "The expiry date must lie in the future.");
        }
        UserAccount owner = currentUser();
        return issue(owner, name.trim(), expiresAt, newTokenValue());
    }

    @PreAuthorize(ANY_ROLE)
    @Transactional(readOnly = true)
    public List<ApiToken> mine() {
        return tokens.findByUserIdOrderByCreatedAtDesc(currentUser().getId());
    }

    /** Owners revoke their own tokens; an ADMIN may revoke anyone's. */
    @PreAuthorize(ANY_ROLE)
    public void revoke(long tokenId) {
        ApiToken token = tokens.findById(tokenId).orElseThrow(() -> new NotFoundException("No token " + tokenId));
        UserAccount me = currentUser();
        if (!token.getUserId().equals(me.getId()) && !me.getRoles().contains(Role.ADMIN)) {
            throw new NotFoundException("No token " + tokenId);
        }
        token.revoke(clock.instant());
        String owner =
                users.findById(token.getUserId()).map(UserAccount::getUsername).orElse("?");
        events.publishEvent(new ApiTokenRevoked(token.getId(), owner, token.getName()));
    }

    /** Registers a token value chosen outside Aegis (AEGIS_BOOTSTRAP_TOKEN) for the given user. */
    IssuedToken register(UserAccount owner, String name, String value) {
        if (tokens.findByTokenHash(hash(value)).isPresent()) {
            return null;
        }
        return issue(owner, name, null, value);
    }

    /** The authentication a bearer token stands for, if it is known, unexpired, unrevoked and its owner active. */
    Optional<ApiTokenAuthentication> authenticate(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(value.trim()))
                .filter(t -> t.isUsableAt(now))
                .flatMap(t -> users.findById(t.getUserId())
                        .filter(UserAccount::isEnabled)
                        .map(u -> {
                            tokens.touch(t.getId(), now);
                            return new ApiTokenAuthentication(AegisUser.of(u, false), t.getId());
                        }));
    }

    private IssuedToken issue(UserAccount owner, String name, Instant expiresAt, String value) {
        ApiToken token = tokens.save(new ApiToken(
                owner.getId(),
                name,
                hash(value),
                value.substring(0, Math.min(12, value.length())),
                clock.instant(),
                expiresAt));
        events.publishEvent(new ApiTokenCreated(token.getId(), owner.getUsername(), name, expiresAt));
        return new IssuedToken(token.getId(), name, value, expiresAt);
    }

    private UserAccount currentUser() {
        String name = Actors.current();
        return users.findByUsername(name).orElseThrow(() -> new NotFoundException("No account for " + name));
    }

    static String newTokenValue() {
        return SecretTokens.newValue(PREFIX);
    }

    static String hash(String value) {
        return SecretTokens.sha256(value);
    }
}
