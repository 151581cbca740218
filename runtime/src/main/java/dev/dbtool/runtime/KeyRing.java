package dev.dbtool.runtime;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code @encrypted} fields: AES-256-GCM, stored as {@code dbtool:v1:<keyId>:<base64(nonce ‖ ciphertext ‖ tag)>} with
 * the key id as associated data. The ring comes from the environment, {@code ENCRYPTION_KEYS="id2:base64,id1:base64"}:
 * the first key encrypts, every key decrypts, so keys rotate by prepending a new one (and re-encrypting at leisure).
 */
public final class KeyRing {
    public static final String ENV = "ENCRYPTION_KEYS";
    private static final String PREFIX = "dbtool:v1:";
    private final Map<String, SecretKeySpec> keys;
    private final String activeId;
    private final SecureRandom random = new SecureRandom();

    private KeyRing(Map<String, SecretKeySpec> keys, String activeId) {
        this.keys = keys;
        this.activeId = activeId;
    }

    /** Parses {@code id:base64[,id:base64…]}; each key must be 32 bytes. The message never contains key material. */
    public static KeyRing parse(String spec) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException(ENV + " is not set: @encrypted fields need at least one key (id:base64 of 32 bytes).");
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String[] pair = entry.trim().split(":", 2);
            if (pair.length != 2 || pair[0].isEmpty()) throw new IllegalArgumentException(ENV + " entries look like id:base64key.");
            byte[] key;
            try {
                key = Base64.getDecoder().decode(pair[1].trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ENV + ": the key `" + pair[0] + "` is not valid base64.");
            }
            if (key.length != 32) throw new IllegalArgumentException(ENV + ": the key `" + pair[0] + "` must be 32 bytes (AES-256), not " + key.length + ".");
            if (keys.put(pair[0], new SecretKeySpec(key, "AES")) != null) throw new IllegalArgumentException(ENV + ": the key id `" + pair[0] + "` appears twice.");
        }
        return new KeyRing(Map.copyOf(keys), keys.keySet().iterator().next());
    }

    public static KeyRing fromEnvironment() { return parse(System.getenv(ENV)); }

    /** The ring from the environment, or null when {@code ENCRYPTION_KEYS} is not set. */
    public static KeyRing fromEnvironmentIfSet() {
        String spec = System.getenv(ENV);
        return spec == null || spec.isBlank() ? null : parse(spec);
    }

    public String encrypt(String plaintext) {
        return plaintext == null ? null : seal(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public String decrypt(String stored) {
        return stored == null ? null : new String(open(stored), StandardCharsets.UTF_8);
    }

    /** {@code @encrypted Bytes}: the same envelope, stored as its UTF-8 bytes. */
    public byte[] encryptBytes(byte[] plaintext) {
        return plaintext == null ? null : seal(plaintext).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] decryptBytes(byte[] stored) {
        return stored == null ? null : open(new String(stored, StandardCharsets.UTF_8));
    }

    private String seal(byte[] plaintext) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(activeId), new GCMParameterSpec(128, nonce));
            c.updateAAD(activeId.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext);
            byte[] out = new byte[nonce.length + ct.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(ct, 0, out, nonce.length, ct.length);
            return PREFIX + activeId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private byte[] open(String stored) {
        if (!stored.startsWith(PREFIX)) throw new IllegalStateException("an @encrypted column holds a value that is not dbtool ciphertext");
        int colon = stored.indexOf(':', PREFIX.length());
        String id = colon < 0 ? "" : stored.substring(PREFIX.length(), colon);
        SecretKeySpec key = keys.get(id);
        if (key == null) throw new IllegalStateException("no key `" + id + "` in " + ENV + " to decrypt a stored value");
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD(id.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(all, 12, all.length - 12);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored @encrypted value failed authentication with key `" + id + "`", e);
        }
    }

    /** The key id a stored value was encrypted with (to find rows still under a retired key). */
    public static String keyIdOf(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) return null;
        int colon = stored.indexOf(':', PREFIX.length());
        return colon < 0 ? null : stored.substring(PREFIX.length(), colon);
    }
}
