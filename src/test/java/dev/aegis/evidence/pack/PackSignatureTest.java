package dev.aegis.evidence.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.audit.AuditLog;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.crypto.OrganisationKey;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A pack checked the way an auditor checks it offline: sha256sum and plain openssl on the extracted files. */
@AegisTest
class PackSignatureTest {

    @Autowired
    PackService packs;

    @Autowired
    PackFixtures fixtures;

    @Autowired
    TestAccounts accounts;

    @Autowired
    OrganisationKey key;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    record Run(int exit, String output) {}

    static Run run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    @Test
    void openssl_verifies_a_packs_signature_and_refuses_an_edited_manifest_whose_hashes_were_all_recomputed(
            @TempDir Path dir) throws Exception {
        Path root = pack(dir);
        assertThat(PackServiceTest.sha256sumCheck(root)).isZero();
        assertThat(root.resolve("SHA256SUMS"))
                .content()
                .contains("manifest.json.sig", "signer.pem", "audit-checkpoint.json", "audit-checkpoint.json.sig");
        assertThat(run(root, "openssl", "x509", "-in", "signer.pem", "-pubkey", "-noout", "-out", "pubkey.pem")
                        .exit())
                .isZero();
        Run verified = run(
                root,
                "openssl",
                "dgst",
                "-sha256",
                "-verify",
                "pubkey.pem",
                "-signature",
                "manifest.json.sig",
                "manifest.json");
        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Verified OK");
        Process der = new ProcessBuilder("openssl", "pkey", "-pubin", "-in", "pubkey.pem", "-outform", "DER")
                .directory(root.toFile())
                .start();
        byte[] publicKey = der.getInputStream().readAllBytes();
        assertThat(der.waitFor()).isZero();
        assertThat(HexFormat.of().formatHex(PackBuilder.sha256().digest(publicKey)))
                .isEqualTo(key.fingerprint());
        assertThat(root.resolve("README.txt"))
                .content()
                .contains("openssl dgst -sha256 -verify pubkey.pem -signature manifest.json.sig manifest.json")
                .contains(key.fingerprint());

        String manifest = Files.readString(root.resolve("manifest.json"));
        String edited = manifest.replaceFirst("\"asOf\" : \"[^\"]+\"", "\"asOf\" : \"1999-01-01\"");
        assertThat(edited).isNotEqualTo(manifest);
        Files.writeString(root.resolve("manifest.json"), edited);
        recomputeSums(root);
        assertThat(PackServiceTest.sha256sumCheck(root))
                .as("every hash recomputed")
                .isZero();
        Run refused = run(
                root,
                "openssl",
                "dgst",
                "-sha256",
                "-verify",
                "pubkey.pem",
                "-signature",
                "manifest.json.sig",
                "manifest.json");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.output()).contains("Verification failure");
    }

    @Test
    void a_pack_carries_the_audit_logs_checkpoint_signed_as_it_was_built_which_a_later_verification_matches(
            @TempDir Path dir) throws Exception {
        Path root = pack(dir);
        run(root, "openssl", "x509", "-in", "signer.pem", "-pubkey", "-noout", "-out", "pubkey.pem");
        Run verified = run(
                root,
                "openssl",
                "dgst",
                "-sha256",
                "-verify",
                "pubkey.pem",
                "-signature",
                "audit-checkpoint.json.sig",
                "audit-checkpoint.json");
        assertThat(verified.output()).contains("Verified OK");

        String checkpoint = Files.readString(root.resolve("audit-checkpoint.json"));
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(checkpoint);
        long sequence = json.path("sequence").asLong();
        assertThat(jdbc.queryForObject("select hash from audit.audit_entry where id = ?", String.class, sequence))
                .isEqualTo(json.path("hash").asString());
        assertThat(Files.readString(root.resolve("manifest.json"))).contains("\"sequence\" : " + sequence);
        TestAccounts.signIn(accounts.create("later-auditor", Role.AUDITOR));
        assertThat(log.check(checkpoint).matches()).isTrue();
    }

    private Path pack(Path dir) throws Exception {
        PackFixtures.Scope scope = fixtures.scope("signed " + System.nanoTime());
        TestAccounts.signIn(accounts.create("auditor", Role.AUDITOR));
        PackView pack =
                packs.request(PackServiceTest.ISO, List.of(scope.system().getId()), LocalDate.now(ZoneOffset.UTC));
        for (int i = 0; i < 600 && packs.get(pack.id()).running(); i++) {
            Thread.sleep(200);
        }
        pack = packs.get(pack.id());
        assertThat(pack.state()).as(pack.failure()).isEqualTo("SEALED");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        packs.download(pack.id(), zip);
        TestAccounts.signOut();
        return PackServiceTest.unzip(zip.toByteArray(), dir);
    }

    /** What someone who edits a pack does next: every line of SHA256SUMS made to match the files again. */
    private static void recomputeSums(Path root) throws Exception {
        StringBuilder sums = new StringBuilder();
        for (String line : Files.readAllLines(root.resolve("SHA256SUMS"))) {
            String path = line.substring(66);
            sums.append(HexFormat.of().formatHex(PackBuilder.sha256().digest(Files.readAllBytes(root.resolve(path)))))
                    .append("  ")
                    .append(path)
                    .append('\n');
        }
        Files.writeString(root.resolve("SHA256SUMS"), sums.toString());
    }
}
