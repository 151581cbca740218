package dev.dbtool.generators.lint.schema;

import dev.dbtool.core.model.Schema;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.SchemaRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A field whose name says secret (password, token, apiKey, ssn, …) stored in clear. */
public final class SensitiveFieldUnprotected implements SchemaRule {
    private static final List<String> WORDS = List.of("password", "passwd", "secret", "token", "apikey", "privatekey", "ssn",
            "socialsecurity", "creditcard", "cardnumber", "iban", "pin");

    public String id() { return "sensitive-field-unprotected"; }

    public LintSeverity defaultSeverity() { return LintSeverity.ERROR; }

    public String summary() { return "a secret-looking field without @hashed or @encrypted"; }

    public List<Finding> check(Schema schema, DbSchema db) {
        List<Finding> out = new ArrayList<>();
        schema.models().forEach(m -> {
            for (ScalarField f : m.scalarFields()) {
                String n = f.name().toLowerCase(Locale.ROOT).replace("_", "");
                boolean sensitive = WORDS.stream().anyMatch(w -> w.equals("pin") ? n.equals("pin") : n.contains(w));
                if (!sensitive || f.extensions().hashed() || f.extensions().encrypted()) continue;
                if (n.endsWith("at") || n.endsWith("id") || n.contains("expires")) continue; // tokenExpiresAt, passwordResetId
                out.add(Findings.at(this, f.span(), "Field " + m.name() + "." + f.name() + " looks secret but is stored in clear.",
                        "A database dump, a log of a query or a read replica leaks it as it is.",
                        "Add `@hashed` for values you only verify (passwords), `@encrypted` for values you must read back."));
            }
        });
        return out;
    }
}
