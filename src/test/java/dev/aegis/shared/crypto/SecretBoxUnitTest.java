package dev.aegis.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxUnitTest {

    static final String OLD = "UkWuLECgfN+ePb3Oo0BCYGJs6BF0i7PC2dBWvHTOPgA=";
    static final String NEW = "q8nN0m3cO7m0m7Jqv6hR2lH3b0zX9f3y1Q5sV2p8kDc=";

    static SecretBox box(String current, String previous) {
        return new SecretBox(new MasterKeys(current, previous, "unused"));
    }

    @Test
    void a_sealed_secret_opens_for_its_purpose_only_and_its_ciphertext_hides_it() {
        SecretBox box = box(OLD, "");
        SecretBox.Sealed sealed = box.seal("amon_secret-token-value", "telemetry.source.token");
        assertThat(sealed.ciphertext()).doesNotContain("secret-token");
        assertThat(box.open(sealed, "telemetry.source.token")).isEqualTo("amon_secret-token-value");
        assertThatThrownBy(() -> box.open(sealed, "shared.signing_key")).isInstanceOf(SecretBox.SecretUnreadable.class);
        assertThat(box.seal("same", "p").ciphertext())
                .isNotEqualTo(box.seal("same", "p").ciphertext());
    }

    @Test
    void after_a_rotation_old_secrets_open_with_the_previous_key_and_are_told_apart_for_sealing_again() {
        SecretBox.Sealed old = box(OLD, "").seal("token", "p");
        SecretBox rotated = box(NEW, OLD);
        assertThat(rotated.open(old, "p")).isEqualTo("token");
        assertThat(rotated.isCurrent(old)).isFalse();
        assertThat(rotated.isCurrent(rotated.seal("token", "p"))).isTrue();
        assertThatThrownBy(() -> box(NEW, "").open(old, "p"))
                .isInstanceOf(SecretBox.SecretUnreadable.class)
                .hasMessageContaining(old.keyId())
                .hasMessageNotContaining(OLD);
    }

    @Test
    void an_altered_ciphertext_does_not_open() {
        SecretBox box = box(OLD, "");
        SecretBox.Sealed sealed = box.seal("token", "p");
        char[] c = sealed.ciphertext().toCharArray();
        c[20] = c[20] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> box.open(new SecretBox.Sealed(sealed.keyId(), new String(c)), "p"))
                .isInstanceOf(SecretBox.SecretUnreadable.class);
    }

    @Test
    void without_a_master_key_one_is_generated_into_an_owner_only_file_and_reused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/master.key");
        SecretBox first = new SecretBox(new MasterKeys("", "", file.toString()));
        SecretBox.Sealed sealed = first.seal("token", "p");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        SecretBox second = new SecretBox(new MasterKeys("", "", file.toString()));
        assertThat(second.open(sealed, "p")).isEqualTo("token");
    }

    @Test
    void a_master_key_of_the_wrong_size_is_refused_with_how_to_make_one() {
        assertThatThrownBy(() -> box("c2hvcnQ=", "").currentKeyId())
                .hasMessageContaining("AEGIS_MASTER_KEY")
                .hasMessageContaining("openssl rand -base64 32");
    }
}
