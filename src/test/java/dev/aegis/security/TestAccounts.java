package dev.aegis.security;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Makes users for tests, ready to sign in (no forced password change), and signs them in for service calls. */
@Component
public class TestAccounts {

    public static final String PASSWORD = "Correct-Horse-Battery-41";
    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;
    private final ApiTokenService tokens;

    /**
     * The security context strategy of the application this bean belongs to. Another application started in the same
     * JVM (a module test, Aegis in monitor mode) installs its own in the static holder; creating a user through this
     * bean puts this application's back, so the static {@link #signIn} reaches the application the test talks to.
     */
    private final SecurityContextHolderStrategy strategy;

    TestAccounts(
            UserAccounts users,
            PasswordEncoder encoder,
            TransactionTemplate tx,
            ApiTokenService tokens,
            org.springframework.beans.factory.ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.strategy = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.users = users;
        this.encoder = encoder;
        this.tx = tx;
        this.tokens = tokens;
    }

    /** A fresh user (the name gets a unique suffix) with the given roles and {@link #PASSWORD}. */
    public AegisUser create(String name, Role... roles) {
        return createWithEmail(name, null, roles);
    }

    /** As {@link #create}, with an e-mail address (for notifications and invitations). */
    public AegisUser createWithEmail(String name, String email, Role... roles) {
        if (SecurityContextHolder.getContextHolderStrategy() != strategy) {
            SecurityContextHolder.setContextHolderStrategy(strategy);
        }
        String username = name + "-" + Long.toString(System.nanoTime(), 36);
        return tx.execute(s -> {
            Set<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
            UserAccount account = new UserAccount(
                    username,
                    name,
                    email,
                    UserAccount.Source.LOCAL,
                    set,
                    Clock.systemUTC().instant());
            account.setPassword(encoder.encode(PASSWORD), false);
            users.save(account);
            return AegisUser.of(account, false);
        });
    }

    /** Puts the user in the security context of the current thread, as if signed in. */
    public static void signIn(AegisUser user) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "", user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** An API token of the user's, made as that user. */
    public String tokenFor(AegisUser user) {
        signIn(user);
        try {
            return tokens.create("test", null).token();
        } finally {
            signOut();
        }
    }
}
