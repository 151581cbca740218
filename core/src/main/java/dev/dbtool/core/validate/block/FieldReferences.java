package dev.dbtool.core.validate.block;

import dev.dbtool.core.model.Arity;
import dev.dbtool.core.model.IndexField;
import dev.dbtool.core.parser.Suggestions;
import dev.dbtool.core.source.Span;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.ModelDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks the field list of {@code @@id}, {@code @@unique} and {@code @@index} against the model. */
final class FieldReferences {
    private FieldReferences() {}

    /** True when every reference names a distinct scalar field of the model (all problems reported). */
    static boolean check(ModelDraft m, List<IndexField> refs, Span span, String what, boolean requireRequired, ValidationContext ctx) {
        if (refs.isEmpty()) {
            ctx.error(span, "`" + what + "` needs at least one field.");
            return false;
        }
        boolean ok = true;
        Set<String> seen = new HashSet<>();
        for (IndexField ref : refs) {
            FieldDraft f = m.fields.get(ref.field());
            if (f == null) {
                String hint = Suggestions.closest(ref.field(), m.fields.keySet());
                ctx.error(span, "`" + what + "` refers to `" + ref.field() + "`, which is not a field of " + m.kindWord() + " `" + m.name + "`."
                        + (hint != null ? " Did you mean `" + hint + "`?" : ""));
                ok = false;
            } else if (f.isRelation()) {
                ctx.error(span, "`" + what + "` refers to the relation field `" + ref.field() + "`; list the scalar fields that hold the key"
                        + (f.relationFields.isEmpty() ? "" : " (" + String.join(", ", f.relationFields) + ")") + " instead.");
                ok = false;
            } else if (!seen.add(ref.field())) {
                ctx.error(span, "`" + what + "` lists the field `" + ref.field() + "` twice.");
                ok = false;
            } else if (requireRequired && f.arity == Arity.OPTIONAL) {
                ctx.error(span, "`" + what + "` includes the optional field `" + ref.field() + "`; primary key fields must be required.");
                ok = false;
            } else if (f.arity == Arity.LIST && !what.equals("@@index")) {
                ctx.error(span, "`" + what + "` cannot include the list field `" + ref.field() + "`.");
                ok = false;
            } else if (f.hashed || f.encrypted) {
                ctx.error(span, "`" + what + "` includes `" + ref.field() + "`, which is " + (f.hashed ? "@hashed" : "@encrypted")
                        + ": its stored values are randomised, so " + (what.equals("@@index") ? "an index on it cannot be used." : "uniqueness means nothing."));
                ok = false;
            }
        }
        return ok;
    }
}
