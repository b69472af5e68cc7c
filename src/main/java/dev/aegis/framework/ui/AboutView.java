package dev.aegis.framework.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.aegis.framework.FrameworkSources;
import dev.aegis.shared.crypto.OrganisationKey;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What Aegis is built on: the framework sources it ships, with their licences and attributions. */
@Route("about")
@PageTitle("About · Aegis")
@Menu(order = 99, icon = "vaadin:info-circle", title = "About")
@RolesAllowed({"ADMIN", "GOVERNANCE_OFFICER", "AUDITOR", "VENDOR_MANAGER", "SYSTEM_OWNER"})
public class AboutView extends VerticalLayout {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    AboutView(FrameworkSources sources, OrganisationKey key) {
        setId("about");
        add(
                new H2("About Aegis"),
                new Paragraph("Aegis is an open-source AI governance register. It maps AI systems, risks, controls, "
                        + "vendors and evidence to public frameworks."),
                signingKey(key),
                new Paragraph("These are the framework sources it ships with:"));
        for (FrameworkSources.Source s : sources.all()) {
            add(card(s));
        }
    }

    /** The key that signs evidence packs and audit checkpoints, so an auditor can tell a pack's signer.pem is ours. */
    private static Div signingKey(OrganisationKey key) {
        Div card = new Div();
        card.setId("signing-key");
        card.addClassNames("aegis-card");
        OrganisationKey.Description k;
        try {
            k = key.describe();
        } catch (RuntimeException e) { // a keystore that cannot be read, a master key that is missing
            card.add(
                    new H3("Evidence signing key"), new Paragraph("The signing key cannot be read: " + e.getMessage()));
            return card;
        }
        Span fingerprint = new Span(k.fingerprint());
        fingerprint.setId("signing-key-fingerprint");
        fingerprint.addClassNames("aegis-secret");
        fingerprint.getStyle().set("font-size", "var(--lumo-font-size-m)");
        card.add(
                new H3("Evidence signing key"),
                new Paragraph(
                        "Evidence packs and the audit log's checkpoints are signed with this key. Its SHA-256 "
                                + "fingerprint (of the public key, as openssl pkey -pubin -outform DER | sha256sum prints it):"),
                new Div(fingerprint),
                new Paragraph("Certificate: " + k.subject()),
                new Paragraph("Valid from " + DAY.format(k.notBefore()) + " to " + DAY.format(k.notAfter())
                        + " (UTC) · " + algorithm(k.algorithm()) + " · " + k.source()),
                new Paragraph(
                        "To check a pack: the fingerprint of its signer.pem must be this one; docs/evidence-packs.md "
                                + "and the pack's README.txt give the openssl commands."));
        return card;
    }

    private static String algorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "EC" -> "ECDSA with SHA-256";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "RSA" -> "RSA with SHA-256";
            default -> keyAlgorithm;
        };
    }

    private static Div card(FrameworkSources.Source s) {
        Div card = new Div();
        card.addClassNames("aegis-card");
        card.add(new H3(s.name()));
        if (!s.publisher().isBlank() || !s.version().isBlank()) {
            card.add(
                    new Paragraph(String.join(" · ", s.publisher(), s.version()).replaceAll("^ · | · $", "")));
        }
        if (!s.url().isBlank()) {
            Anchor link = new Anchor(s.url(), s.url());
            link.setTarget("_blank");
            link.getElement().setAttribute("rel", "noopener noreferrer");
            card.add(new Div(link));
        }
        card.add(new Paragraph(new Span("Licence: "), new Span(s.licence())));
        if (!s.attribution().isBlank()) {
            card.add(new Paragraph(new Span("Attribution: "), new Span(s.attribution())));
        }
        if (!s.provenance().isBlank()) {
            card.add(new Paragraph("Taken from: " + s.provenance()));
        }
        return card;
    }
}
