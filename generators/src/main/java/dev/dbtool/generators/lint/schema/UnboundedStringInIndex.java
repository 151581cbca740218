package dev.dbtool.generators.lint.schema;

import dev.dbtool.core.model.FieldKind;
import dev.dbtool.core.model.Index;
import dev.dbtool.core.model.IndexField;
import dev.dbtool.core.model.Model;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.model.ScalarType;
import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.generators.lint.Finding;
import dev.dbtool.generators.lint.LintSeverity;
import dev.dbtool.generators.lint.SchemaRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An unbounded String (TEXT) in a unique constraint or index. */
public final class UnboundedStringInIndex implements SchemaRule {
    public String id() { return "unbounded-string-in-index"; }

    public LintSeverity defaultSeverity() { return LintSeverity.INFO; }

    public String summary() { return "a String without a length limit in a unique constraint or index"; }

    public List<Finding> check(Schema schema, DbSchema db) {
        List<Finding> out = new ArrayList<>();
        for (Model m : schema.models()) {
            Set<String> indexed = new LinkedHashSet<>();
            for (Index ix : m.indexes()) if (ix.algorithm() == null || ix.algorithm().equals("BTree")) for (IndexField f : ix.fields()) indexed.add(f.field());
            for (String name : indexed) {
                ScalarField f = m.scalarFields().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
                if (f == null || !(f.kind() instanceof FieldKind.Scalar s) || s.type() != ScalarType.String) continue;
                if (f.nativeType() != null && !f.nativeType().name().equals("Text")) continue;
                out.add(Findings.at(this, f.span(), "Field " + m.name() + "." + f.name() + " is indexed but has no length limit.",
                        "A B-tree entry may be at most about 2.7 kB: one long value makes the insert fail, and long keys make the index large.",
                        "Give it a limit, e.g. `@db.VarChar(320)` for emails or `@validate(maxLength: 200)`."));
            }
        }
        return out;
    }
}
