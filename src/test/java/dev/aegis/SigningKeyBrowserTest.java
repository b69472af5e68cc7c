package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.crypto.OrganisationKey;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an administrator and an auditor see of the signing key and the checkpoints: the About page's fingerprint (the
 * one a pack's signer.pem must have) and the audit screen's verification, at 1280 and 1920 px (screenshots in
 * target/screenshots/).
 */
@AegisTest
class SigningKeyBrowserTest {

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    @Autowired
    TestAccounts accounts;

    @Autowired
    OrganisationKey key;

    @Test
    void the_about_page_shows_the_signing_keys_fingerprint_and_the_audit_screen_verifies_against_checkpoints()
            throws Exception {
        for (Role role : new Role[] {Role.ADMIN, Role.AUDITOR}) {
            AegisUser user = accounts.create(role.name().toLowerCase(), role);
            try (Browser browser = Browser.open(profile.resolve(role.name()), "signing-key-" + role)) {
                browser.get("http://localhost:" + port + "/about");
                browser.signIn(user.username(), TestAccounts.PASSWORD);
                for (int width : new int[] {1280, 1920}) {
                    browser.driver.manage().window().setSize(new Dimension(width, 1000));
                    browser.get("http://localhost:" + port + "/about");
                    var fingerprint = browser.waitFor(
                            ExpectedConditions.visibilityOfElementLocated(By.id("signing-key-fingerprint")));
                    assertThat(fingerprint.getText()).isEqualTo(key.fingerprint());
                    assertThat(browser.driver.findElement(By.id("signing-key")).getText())
                            .contains("Valid from")
                            .contains("ECDSA with SHA-256");
                    browser.saveScreenshot(Path.of("target", "screenshots", "about-" + role + "-" + width + ".png"));

                    browser.get("http://localhost:" + port + "/audit");
                    browser.click(By.id("verify-chain"));
                    browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                            By.className("aegis-chain-ok"), "signed checkpoint"));
                    browser.saveScreenshot(Path.of("target", "screenshots", "audit-" + role + "-" + width + ".png"));
                }
            }
        }
    }
}
