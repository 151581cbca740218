package dev.dbtool.generators.seed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Development secrets for seed data. {@code @hashed} fields get one real argon2id hash (PHC string format) of
 * {@link #DEV_PASSWORD}; {@code @encrypted} fields get AES-256-GCM ciphertexts in the format the generated code reads:
 * {@code dbtool:v1:<keyId>:<base64(12-byte nonce ‖ ciphertext ‖ 16-byte tag)>}, key id {@code dev}, the key derived
 * from the seed. Deterministic (salt and nonces come from the seed): development data only, never production keys.
 */
public final class SeedSecrets {
    public static final String DEV_PASSWORD = "dbtool-dev-password";
    public static final String DEV_KEY_ID = "dev";
    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;

    private final String passwordHash;
    private final byte[] key;

    SeedSecrets(long seed) {
        byte[] salt = bytes(seed, "salt", 16);
        byte[] hash = new byte[32];
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(MEMORY_KIB).withIterations(ITERATIONS).withParallelism(1).withSalt(salt).build());
        gen.generateBytes(DEV_PASSWORD.getBytes(StandardCharsets.UTF_8), hash);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        this.passwordHash = "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=1$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        this.key = bytes(seed, "key", 32);
    }

    /** The base64 of the development key, for the environment the generated code reads (printed by {@code dbtool seed}). */
    public String keyBase64() { return Base64.getEncoder().encodeToString(key); }

    public String passwordHash() { return passwordHash; }

    String encrypt(String plaintext, long nonceSeed) {
        try {
            byte[] nonce = bytes(nonceSeed, "nonce", 12);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(DEV_KEY_ID.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + ct.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(ct, 0, out, nonce.length, ct.length);
            return "dbtool:v1:" + DEV_KEY_ID + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private static byte[] bytes(long seed, String purpose, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) out[i] = (byte) SeedRandom.mix(seed, purpose, i, "bytes");
        return out;
    }
}
