package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.blog.generated.PasswordHasher;
import dev.dbtool.generators.seed.SeedSecrets;
import org.junit.jupiter.api.Test;

/** The generated support classes read what {@code dbtool seed} writes (the runtime module tests them on their own). */
class GeneratedRuntimeTest {
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
}
