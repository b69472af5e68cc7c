package dev.aegis.security;

import dev.aegis.shared.DomainRuleException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At least 12 characters, not one of the 30,000 most common passwords (also when a few digits or symbols are added
 * at the end), and not the user name.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** @throws DomainRuleException with a message for the user when the password is not acceptable */
    public void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new DomainRuleException("password", "The password needs at least " + MIN_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new DomainRuleException("password", "The password must not contain the user name.");
        }
        String stem = lower.replaceAll("[^a-z]+$", "").replaceAll("^[^a-z]+", "");
        String unit = repeatedUnit(lower);
        if (common.contains(lower)
                || (stem.length() >= 4 && common.contains(stem))
                || repetitive(lower)
                || (unit != null && (unit.length() <= 4 || common.contains(unit)))) {
            throw new DomainRuleException(
                    "password", "This password is among the most common ones and easy to guess. Choose another.");
        }
    }

    /** The shortest piece the whole password repeats ("abcabcabcabc" gives "abc"), or null. */
    private static String repeatedUnit(String s) {
        for (int p = 1; p <= s.length() / 2; p++) {
            if (s.length() % p == 0 && s.substring(0, p).repeat(s.length() / p).equals(s)) {
                return s.substring(0, p);
            }
        }
        return null;
    }

    private static boolean repetitive(String s) {
        return s.chars().distinct().count() <= 3;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(40_000);
        try (var in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the common password list is missing from the build", e);
        }
        return words;
    }
}
