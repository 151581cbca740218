package dev.dbtool.generators.lint.schema;

import dev.dbtool.core.model.FieldKind;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.model.ScalarType;
import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.SchemaRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Money in a binary floating point column. */
public final class FloatForMoney implements SchemaRule {
    private static final List<String> WORDS = List.of("price", "amount", "cost", "total", "balance", "salary", "fee", "tax", "money", "revenue");

    public String id() { return "float-for-money"; }

    public LintSeverity defaultSeverity() { return LintSeverity.WARNING; }

    public String summary() { return "a money-like field of type Float"; }

    public List<Finding> check(Schema schema, DbSchema db) {
        List<Finding> out = new ArrayList<>();
        schema.models().forEach(m -> {
            for (ScalarField f : m.scalarFields()) {
                if (!(f.kind() instanceof FieldKind.Scalar s) || s.type() != ScalarType.Float) continue;
                String n = f.name().toLowerCase(Locale.ROOT);
                if (WORDS.stream().noneMatch(n::contains)) continue;
                out.add(Findings.at(this, f.span(), "Field " + m.name() + "." + f.name() + " holds money in a Float.",
                        "Binary floating point cannot represent 0.10 exactly: sums drift by cents.",
                        "Use `Decimal @db.Decimal(12, 2)` (or integer cents in an Int/BigInt)."));
            }
        });
        return out;
    }
}
