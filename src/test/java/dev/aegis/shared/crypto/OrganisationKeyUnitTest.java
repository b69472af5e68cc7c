package dev.aegis.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aegis.shared.OrganisationProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key from an organisation's own PKCS#12 keystore (AEGIS_SIGNING_KEYSTORE), made and checked with openssl. */
class OrganisationKeyUnitTest {

    static final OrganisationProfile EXAMPLE = new OrganisationProfile() {
        @Override
        public String name() {
            return "Example Ltd";
        }

        @Override
        public Optional<byte[]> logoPng() {
            return Optional.empty();
        }
    };

    static int openssl(Path dir, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    static OrganisationKey fromKeystore(Path p12, String password) {
        return new OrganisationKey(null, null, EXAMPLE, Clock.systemUTC(), p12.toString(), password, "");
    }

    @Test
    void a_keystores_ecdsa_key_signs_what_openssl_verifies_with_its_certificate(@TempDir Path dir) throws Exception {
        assertThat(openssl(
                        dir,
                        "req",
                        "-x509",
                        "-newkey",
                        "ec",
                        "-pkeyopt",
                        "ec_paramgen_curve:P-256",
                        "-nodes",
                        "-days",
                        "30",
                        "-subj",
                        "/O=Example Ltd/CN=Example Ltd evidence signing",
                        "-keyout",
                        "key.pem",
                        "-out",
                        "cert.pem"))
                .isZero();
        assertThat(openssl(
                        dir,
                        "pkcs12",
                        "-export",
                        "-inkey",
                        "key.pem",
                        "-in",
                        "cert.pem",
                        "-out",
                        "signing.p12",
                        "-passout",
                        "pass:keystore-secret"))
                .isZero();
        OrganisationKey key = fromKeystore(dir.resolve("signing.p12"), "keystore-secret");

        byte[] data = "{\"pack\": 1}\n".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("manifest.json"), data);
        Files.write(dir.resolve("manifest.json.sig"), key.sign(data));
        Files.writeString(dir.resolve("signer.pem"), key.certificatePem());
        assertThat(openssl(dir, "x509", "-in", "signer.pem", "-pubkey", "-noout", "-out", "pubkey.pem"))
                .isZero();
        assertThat(openssl(
                        dir,
                        "dgst",
                        "-sha256",
                        "-verify",
                        "pubkey.pem",
                        "-signature",
                        "manifest.json.sig",
                        "manifest.json"))
                .isZero();
        assertThat(key.describe().subject()).contains("Example Ltd evidence signing");
        assertThat(key.describe().source()).startsWith("keystore ");
        assertThat(OrganisationKey.verify(key.certificatePem(), data, key.sign(data)))
                .isTrue();
        assertThat(OrganisationKey.verify(
                        key.certificatePem(), "other".getBytes(StandardCharsets.UTF_8), key.sign(data)))
                .isFalse();
    }

    @Test
    void a_keystores_ed25519_key_signs_what_openssl_verifies_with_its_certificate(@TempDir Path dir) throws Exception {
        assertThat(openssl(
                        dir,
                        "req",
                        "-x509",
                        "-newkey",
                        "ed25519",
                        "-nodes",
                        "-days",
                        "30",
                        "-subj",
                        "/O=Example Ltd/CN=Example Ltd Ed25519 signing",
                        "-keyout",
                        "key.pem",
                        "-out",
                        "cert.pem"))
                .isZero();
        assertThat(openssl(
                        dir,
                        "pkcs12",
                        "-export",
                        "-inkey",
                        "key.pem",
                        "-in",
                        "cert.pem",
                        "-out",
                        "signing.p12",
                        "-passout",
                        "pass:keystore-secret"))
                .isZero();
        OrganisationKey key = fromKeystore(dir.resolve("signing.p12"), "keystore-secret");

        byte[] data = "{\"pack\": 2}\n".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("manifest.json"), data);
        Files.write(dir.resolve("manifest.json.sig"), key.sign(data));
        Files.writeString(dir.resolve("signer.pem"), key.certificatePem());
        assertThat(openssl(dir, "x509", "-in", "signer.pem", "-pubkey", "-noout", "-out", "pubkey.pem"))
                .isZero();
        // the command docs/evidence-packs.md and the pack's README.txt give for an Ed25519 key
        assertThat(openssl(
                        dir,
                        "pkeyutl",
                        "-verify",
                        "-pubin",
                        "-inkey",
                        "pubkey.pem",
                        "-rawin",
                        "-in",
                        "manifest.json",
                        "-sigfile",
                        "manifest.json.sig"))
                .isZero();
        Files.write(dir.resolve("manifest.json"), "{\"pack\": 3}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(openssl(
                        dir,
                        "pkeyutl",
                        "-verify",
                        "-pubin",
                        "-inkey",
                        "pubkey.pem",
                        "-rawin",
                        "-in",
                        "manifest.json",
                        "-sigfile",
                        "manifest.json.sig"))
                .as("an edited manifest fails")
                .isNotZero();
        assertThat(key.describe().subject()).contains("Example Ltd Ed25519 signing");
    }

    @Test
    void a_wrong_keystore_password_is_named_without_the_password(@TempDir Path dir) throws Exception {
        openssl(
                dir,
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
                "-days",
                "30",
                "-subj",
                "/CN=x",
                "-keyout",
                "key.pem",
                "-out",
                "cert.pem");
        openssl(
                dir,
                "pkcs12",
                "-export",
                "-inkey",
                "key.pem",
                "-in",
                "cert.pem",
                "-out",
                "signing.p12",
                "-passout",
                "pass:right-password");
        assertThatThrownBy(() -> fromKeystore(dir.resolve("signing.p12"), "wrong-password")
                        .fingerprint())
                .hasMessageContaining("AEGIS_SIGNING_KEYSTORE_PASSWORD")
                .hasMessageNotContaining("wrong-password");
    }
}
