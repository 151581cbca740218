package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.DatabaseUrls;
import com.example.blog.generated.Ids;
import com.example.blog.generated.KeyRing;
import com.example.blog.generated.PasswordHasher;
import dev.dbtool.generators.seed.SeedSecrets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The generated support classes on their own: key rotation, password hashes, database URLs, ids. */
class GeneratedRuntimeTest {
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
    void readsWhatTheSeedWrote() {
        // dbtool seed's development ciphertexts and hashes are in the format the generated code reads
        var plan = dev.dbtool.generators.seed.SeedPlanner.plan(blogSchema(), new dev.dbtool.generators.seed.SeedOptions(3, 1));
        assertTrue(PasswordHasher.defaults().verify(plan.secrets().passwordHash(), SeedSecrets.DEV_PASSWORD));
        assertFalse(PasswordHasher.defaults().verify(plan.secrets().passwordHash(), "wrong"));
    }

    private static dev.dbtool.core.model.Schema blogSchema() {
        try {
            return BlogDatabase.schema();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
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
    void databaseUrlsInPrismaFormBecomeJdbc() {
        DatabaseUrls.Jdbc local = DatabaseUrls.parse("postgresql://app:s%40cret@localhost:5433/blog?schema=app");
        assertEquals("jdbc:postgresql://localhost:5433/blog?currentSchema=app", local.url());
        assertEquals("app", local.user());
        assertEquals("s@cret", local.password());
        assertEquals("jdbc:postgresql://db.example.com/blog?sslmode=require", DatabaseUrls.parse("postgres://u@db.example.com/blog").url());
        assertEquals("jdbc:postgresql://db.example.com/blog?sslmode=disable", DatabaseUrls.parse("postgresql://u@db.example.com/blog?sslmode=disable").url());
        assertEquals("jdbc:postgresql://h/db", DatabaseUrls.parse("jdbc:postgresql://h/db").url());
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrls.parse("mysql://h/db"));
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
