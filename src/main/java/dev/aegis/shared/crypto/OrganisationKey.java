package dev.aegis.shared.crypto;

import dev.aegis.shared.OrganisationProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The organisation's signing key, which signs evidence packs' manifests and the audit log's checkpoints. It comes from
 * the PKCS#12 keystore named by {@code AEGIS_SIGNING_KEYSTORE} ({@code AEGIS_SIGNING_KEYSTORE_PASSWORD}, optionally
 * {@code AEGIS_SIGNING_KEY_ALIAS}); without one, Aegis makes an ECDSA P-256 key and a self-signed certificate naming the
 * organisation on first use and keeps them in {@code shared.signing_key}, the private key sealed by {@link SecretBox}.
 * Signatures are what plain {@code openssl} verifies: DER ECDSA (or RSA PKCS#1 v1.5) over SHA-256, or Ed25519.
 */
@Component
public class OrganisationKey {

    private static final Logger log = LoggerFactory.getLogger(OrganisationKey.class);
    private static final String PURPOSE = "shared.signing_key";

    private final JdbcTemplate jdbc;
    private final SecretBox secrets;
    private final OrganisationProfile organisation;
    private final Clock clock;
    private final String keystore;
    private final String password;
    private final String alias;
    private volatile Loaded loaded;

    private record Loaded(PrivateKey key, X509Certificate certificate, String source) {}

    /** What the About page and the pack's README say about the key; the private key never leaves this class. */
    public record Description(
            String algorithm, String fingerprint, String subject, Instant notBefore, Instant notAfter, String source) {}

    OrganisationKey(
            JdbcTemplate jdbc,
            SecretBox secrets,
            OrganisationProfile organisation,
            Clock clock,
            @Value("${aegis.signing.keystore:}") String keystore,
            @Value("${aegis.signing.keystore-password:}") String password,
            @Value("${aegis.signing.alias:}") String alias) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.organisation = organisation;
        this.clock = clock;
        this.keystore = keystore == null ? "" : keystore.strip();
        this.password = password == null ? "" : password;
        this.alias = alias == null ? "" : alias.strip();
    }

    /** Signs {@code data}: the detached signature that {@link #verifyCommand} checks. */
    public byte[] sign(byte[] data) {
        Loaded k = loaded();
        try {
            Signature s = Signature.getInstance(signatureAlgorithm(k.key().getAlgorithm()));
            s.initSign(k.key());
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing failed: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} over {@code data} was made by the key certified in {@code certificatePem}. */
    public static boolean verify(String certificatePem, byte[] data, byte[] signature) {
        try {
            PublicKey key = certificate(certificatePem).getPublicKey();
            Signature s = Signature.getInstance(signatureAlgorithm(key.getAlgorithm()));
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The certificate in PEM, as {@code signer.pem} in a pack. */
    public String certificatePem() {
        return pem(loaded().certificate());
    }

    public Description describe() {
        X509Certificate c = loaded().certificate();
        return new Description(
                c.getPublicKey().getAlgorithm(),
                fingerprint(c.getPublicKey()),
                c.getSubjectX500Principal().getName(),
                c.getNotBefore().toInstant(),
                c.getNotAfter().toInstant(),
                loaded().source());
    }

    /** The hex SHA-256 of the public key's DER (SubjectPublicKeyInfo), as {@code openssl pkey -outform DER | sha256sum} prints it. */
    public String fingerprint() {
        return fingerprint(loaded().certificate().getPublicKey());
    }

    /** The key fingerprint of the certificate in {@code certificatePem}. */
    public static String fingerprintOf(String certificatePem) {
        return fingerprint(certificate(certificatePem).getPublicKey());
    }

    /**
     * The {@code openssl} command that verifies {@code file} against {@code file.sig} with {@code pubkey.pem}
     * (extracted from {@code signer.pem} by {@code openssl x509 -in signer.pem -pubkey -noout -out pubkey.pem}).
     */
    public String verifyCommand(String file) {
        return "Ed25519".equals(loaded().certificate().getPublicKey().getAlgorithm())
                        || "EdDSA".equals(loaded().certificate().getPublicKey().getAlgorithm())
                ? "openssl pkeyutl -verify -pubin -inkey pubkey.pem -rawin -in " + file + " -sigfile " + file + ".sig"
                : "openssl dgst -sha256 -verify pubkey.pem -signature " + file + ".sig " + file;
    }

    private static String signatureAlgorithm(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalStateException("A signing key is ECDSA, Ed25519 or RSA, not " + keyAlgorithm);
        };
    }

    private Loaded loaded() {
        Loaded k = loaded;
        if (k == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = keystore.isEmpty() ? fromDatabase() : fromKeystore();
                    log.info(
                            "Signing key {} ({}), key fingerprint SHA-256 {}",
                            loaded.certificate().getSubjectX500Principal().getName(),
                            loaded.source(),
                            fingerprint(loaded.certificate().getPublicKey()));
                }
                k = loaded;
            }
        }
        return k;
    }

    private Loaded fromKeystore() {
        Path path = Path.of(keystore);
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            List<String> aliases = Collections.list(store.aliases());
            String name = alias.isEmpty()
                    ? aliases.stream().filter(a -> isKey(store, a)).findFirst().orElse(null)
                    : alias;
            if (name == null || !store.isKeyEntry(name)) {
                throw new IllegalStateException("AEGIS_SIGNING_KEYSTORE " + path + " holds no private key"
                        + (alias.isEmpty() ? "" : " named " + alias) + " (aliases: " + aliases + ")");
            }
            PrivateKey key = (PrivateKey) store.getKey(name, password.toCharArray());
            signatureAlgorithm(key.getAlgorithm());
            return new Loaded(key, (X509Certificate) store.getCertificate(name), "keystore " + path.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "AEGIS_SIGNING_KEYSTORE " + path + " cannot be read (wrong " + "AEGIS_SIGNING_KEYSTORE_PASSWORD?): "
                            + e.getMessage(),
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AEGIS_SIGNING_KEYSTORE " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private Loaded fromDatabase() {
        Loaded stored = stored();
        if (stored != null) {
            return stored;
        }
        KeyPair pair = generate();
        X509Certificate cert = selfSigned(pair);
        SecretBox.Sealed sealed = secrets.sealBytes(pair.getPrivate().getEncoded(), PURPOSE);
        int made = jdbc.update(
                "insert into shared.signing_key (id, algorithm, key_id, private_key, certificate, "
                        + "created_at) values (1, ?, ?, ?, ?, ?) on conflict (id) do nothing",
                pair.getPrivate().getAlgorithm(),
                sealed.keyId(),
                sealed.ciphertext(),
                pem(cert),
                Timestamp.from(clock.instant()));
        if (made == 1) {
            log.warn(
                    "Made the organisation's signing key (ECDSA P-256) and a self-signed certificate for {}; "
                            + "set AEGIS_SIGNING_KEYSTORE to sign with a key of your own",
                    organisation.name());
        }
        return stored(); // another instance may have made one first: everyone signs with the stored one
    }

    private Loaded stored() {
        var rows = jdbc.queryForList(
                "select algorithm, key_id, private_key, certificate from shared.signing_key where id = 1");
        if (rows.isEmpty()) {
            return null;
        }
        var row = rows.getFirst();
        SecretBox.Sealed sealed = new SecretBox.Sealed((String) row.get("key_id"), (String) row.get("private_key"));
        byte[] der;
        try {
            der = secrets.openBytes(sealed, PURPOSE);
        } catch (SecretBox.SecretUnreadable e) {
            throw new IllegalStateException(
                    "The signing key in shared.signing_key cannot be opened: " + e.getMessage()
                            + " Start with the master key it was sealed under (see docs/deployment.md, Keys).",
                    e);
        }
        if (!secrets.isCurrent(sealed)) {
            SecretBox.Sealed again = secrets.sealBytes(der, PURPOSE);
            jdbc.update(
                    "update shared.signing_key set key_id = ?, private_key = ? where id = 1",
                    again.keyId(),
                    again.ciphertext());
            log.info("Sealed the signing key again under the current master key {}", again.keyId());
        }
        try {
            PrivateKey key =
                    KeyFactory.getInstance((String) row.get("algorithm")).generatePrivate(new PKCS8EncodedKeySpec(der));
            return new Loaded(
                    key, certificate((String) row.get("certificate")), "made by Aegis, kept encrypted in its database");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate selfSigned(KeyPair pair) {
        var name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, organisation.name() + " evidence signing")
                .addRDN(BCStyle.O, organisation.name())
                .build();
        Instant now = clock.instant();
        try {
            var builder = new JcaX509v3CertificateBuilder(
                    name,
                    new BigInteger(127, new SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3653))),
                    name,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (IOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make the signing certificate: " + e.getMessage(), e);
        }
    }

    private static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(X509Certificate cert) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(cert);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                            new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a certificate: " + e.getMessage(), e);
        }
    }
}
