package dev.aegis.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals the secrets Aegis must keep to call others (telemetry sources' tokens, the generated signing key) with
 * AES-256-GCM under a key derived from the master key, so that a database dump alone does not reveal them. Each
 * sealed value carries the id of the master key that sealed it: after a rotation, values sealed under a previous key
 * still open, and {@link #isCurrent} tells which ones to seal again.
 */
@Component
public class SecretBox {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final MasterKeys keys;
    private final SecureRandom random = new SecureRandom();

    SecretBox(MasterKeys keys) {
        this.keys = keys;
    }

    /**
     * A sealed secret: the master key's id and base64 of IV and ciphertext. The {@code purpose} a value was sealed
     * for is bound to it (GCM's associated data), so a value copied to another purpose does not open.
     */
    public record Sealed(String keyId, String ciphertext) {
        @Override
        public String toString() {
            return "Sealed[keyId=" + keyId + "]";
        }
    }

    /** The id of the master key new secrets are sealed under. */
    public String currentKeyId() {
        return keys.currentId();
    }

    /** Whether {@code sealed} is sealed under the current master key (else: seal it again). */
    public boolean isCurrent(Sealed sealed) {
        return keys.currentId().equals(sealed.keyId());
    }

    public Sealed seal(String plaintext, String purpose) {
        return sealBytes(plaintext.getBytes(StandardCharsets.UTF_8), purpose);
    }

    public String open(Sealed sealed, String purpose) {
        return new String(openBytes(sealed, purpose), StandardCharsets.UTF_8);
    }

    public Sealed sealBytes(byte[] plaintext, String purpose) {
        String keyId = keys.currentId();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] ct = cipher(Cipher.ENCRYPT_MODE, keyId, iv, purpose).doFinalUnchecked(plaintext);
        return new Sealed(
                keyId,
                Base64.getEncoder()
                        .encodeToString(ByteBuffer.allocate(iv.length + ct.length)
                                .put(iv)
                                .put(ct)
                                .array()));
    }

    /**
     * Opens a sealed value.
     *
     * @throws SecretUnreadable when its master key is not configured or the value was altered
     */
    public byte[] openBytes(Sealed sealed, String purpose) {
        byte[] all = Base64.getDecoder().decode(sealed.ciphertext());
        byte[] iv = java.util.Arrays.copyOf(all, IV_BYTES);
        return cipher(Cipher.DECRYPT_MODE, sealed.keyId(), iv, purpose)
                .doFinalUnchecked(java.util.Arrays.copyOfRange(all, IV_BYTES, all.length));
    }

    private Gcm cipher(int mode, String keyId, byte[] iv, String purpose) {
        byte[] key = keys.derived(keyId, "secrets/v1");
        if (key == null) {
            throw new SecretUnreadable("It was sealed under master key " + keyId
                    + ", which is neither AEGIS_MASTER_KEY " + "nor one of AEGIS_MASTER_KEY_PREVIOUS.");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new Gcm(c);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Gcm(Cipher cipher) {
        byte[] doFinalUnchecked(byte[] input) {
            try {
                return cipher.doFinal(input);
            } catch (javax.crypto.AEADBadTagException e) {
                throw new SecretUnreadable(
                        "It does not open under its master key: it was altered, or sealed for " + "another purpose.");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A sealed secret that cannot be opened here; the message says why, never what the secret is. */
    public static class SecretUnreadable extends IllegalStateException {
        SecretUnreadable(String message) {
            super(message);
        }
    }
}
