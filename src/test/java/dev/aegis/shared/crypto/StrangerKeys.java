package dev.aegis.shared.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** A valid signing key that is not the organisation's: made afresh with keytool in a PKCS#12 keystore of its own. */
public final class StrangerKeys {

    private StrangerKeys() {}

    public static OrganisationKey freshKey() throws Exception {
        Path dir = Files.createTempDirectory("aegis-stranger-key");
        Path p12 = dir.resolve("stranger.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-alias",
                        "stranger",
                        "-dname",
                        "CN=Stranger evidence signing",
                        "-validity",
                        "30",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        p12.toString(),
                        "-storepass",
                        "stranger-pass")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return new OrganisationKey(
                null, null, OrganisationKeyUnitTest.EXAMPLE, Clock.systemUTC(), p12.toString(), "stranger-pass", "");
    }
}
