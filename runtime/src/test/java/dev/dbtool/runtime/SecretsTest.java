package dev.dbtool.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Key rotation, password hashes and generated ids. */
class SecretsTest {
    static String key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    @Test
    void keysRotateByPrependingANewOne() {
        String k1 = key();
        String k2 = key();
        KeyRing old = KeyRing.parse("k1:" + k1);
        String before = old.encrypt("+44 20 7946 0000");
        assertTrue(before.startsWith("dbtool:v1:k1:"));
        assertNotEquals(before, old.encrypt("+44 20 7946 0000"), "a fresh nonce each time");
        KeyRing rotated = KeyRing.parse("k2:" + k2 + ",k1:" + k1);
        assertEquals("+44 20 7946 0000", rotated.decrypt(before), "old values still decrypt");
        String after = rotated.encrypt("+44 20 7946 0000");
        assertEquals("k2", KeyRing.keyIdOf(after), "new values use the first key");
        assertThrows(IllegalStateException.class, () -> old.decrypt(after), "a ring without k2 cannot read it");
        String tampered = after.substring(0, after.length() - 4) + (after.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThrows(IllegalStateException.class, () -> rotated.decrypt(tampered), "GCM authenticates");
        assertArrayEquals(new byte[] {1, 2, 3}, rotated.decryptBytes(rotated.encryptBytes(new byte[] {1, 2, 3})));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> KeyRing.parse("k1:" + Base64.getEncoder().encodeToString(new byte[16])));
        assertTrue(bad.getMessage().contains("32 bytes") && !bad.getMessage().contains("AAAA"), "the message never shows key material");
    }

    @Test
    void hashesAreSaltedAndVerifyWithTheirOwnParameters() {
        PasswordHasher strong = new PasswordHasher(32_768, 3, 1);
        String h = strong.hash("pässwörd");
        assertTrue(h.startsWith("$argon2id$v=19$m=32768,t=3,p=1$"));
        assertNotEquals(h, strong.hash("pässwörd"));
        assertTrue(PasswordHasher.defaults().verify(h, "pässwörd"), "parameters are read from the hash");
        assertFalse(PasswordHasher.defaults().verify("not a hash", "x"));
        assertFalse(PasswordHasher.defaults().verify(h, "passwörd"));
    }

    @Test
    void generatedIdsAreUniqueAndShaped() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) assertTrue(seen.add(Ids.cuid()));
        String c = Ids.cuid();
        assertTrue(c.matches("c[0-9a-z]{24,}"), c);
        assertTrue(Ids.uuid().matches("[0-9a-f-]{36}"));
    }
}
