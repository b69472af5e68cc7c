package dev.aegis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B, SHA-1 seed "12345678901234567890", truncated to six digits. */
    @Test
    void codes_match_the_rfc_6238_test_vectors() {
        String secret = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
        assertThat(Totp.code(secret, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    }

    @Test
    void a_code_from_the_previous_step_is_accepted_but_not_an_older_one() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        assertThat(Totp.verify(secret, Totp.code(secret, now.minusSeconds(30)), now))
                .isTrue();
        assertThat(Totp.verify(secret, Totp.code(secret, now.minusSeconds(90)), now))
                .isFalse();
        assertThat(Totp.verify(secret, "12345", now)).isFalse();
    }
}
