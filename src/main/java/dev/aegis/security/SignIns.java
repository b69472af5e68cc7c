package dev.aegis.security;

import dev.aegis.security.SecurityEvents.AccountLockedOut;
import dev.aegis.security.SecurityEvents.SignInFailed;
import dev.aegis.security.SecurityEvents.SignInSucceeded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password sign-in: finds the account, counts failures in the database (so every instance agrees) and locks an
 * account for the lockout window after too many failures inside it.
 */
@Service
public class SignIns implements UserDetailsService {

    private final UserAccounts users;
    private final SignInFailures failures;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    SignIns(
            UserAccounts users,
            SignInFailures failures,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${aegis.security.lockout.max-failures:5}") int maxFailures,
            @Value("${aegis.security.lockout.window:15m}") Duration window) {
        this.users = users;
        this.failures = failures;
        this.events = events;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = users.findByUsername(username)
                .filter(u -> u.getSource() == UserAccount.Source.LOCAL)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return AegisUser.of(account, account.isLockedAt(clock.instant()));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof ApiTokenAuthentication) {
            return;
        }
        String username = event.getAuthentication().getName();
        users.findByUsername(username).ifPresent(u -> {
            failures.clear(u.getUsername());
            u.signedIn(clock.instant());
        });
        events.publishEvent(new SignInSucceeded(username, method(event)));
    }

    @EventListener
    @Transactional
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        events.publishEvent(
                new SignInFailed(username, event.getException().getClass().getSimpleName()));
        if (!(event instanceof AuthenticationFailureBadCredentialsEvent)) {
            return;
        }
        Instant now = clock.instant();
        failures.save(new SignInFailure(username, now));
        if (failures.countSince(username, now.minus(window)) >= maxFailures) {
            users.findByUsername(username).filter(u -> !u.isLockedAt(now)).ifPresent(u -> {
                Instant until = now.plus(window);
                u.lockUntil(until);
                events.publishEvent(new AccountLockedOut(u.getUsername(), until));
            });
        }
    }

    private static String method(AuthenticationSuccessEvent event) {
        String type = event.getAuthentication().getClass().getSimpleName();
        return type.contains("OAuth2") ? "oidc" : "password";
    }
}
