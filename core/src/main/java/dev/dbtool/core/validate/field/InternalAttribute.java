package dev.dbtool.core.validate.field;

import dev.dbtool.core.validate.AttributeArguments;
import dev.dbtool.core.validate.FieldAttributeRule;
import dev.dbtool.core.validate.FieldDraft;
import dev.dbtool.core.validate.ValidationContext;
import java.util.List;

/** {@code @internal} (dbtool): never exposed in GraphQL output or input. */
public final class InternalAttribute implements FieldAttributeRule {
    @Override public List<String> parameters() { return List.of(); }

    @Override public void apply(FieldDraft f, AttributeArguments args, ValidationContext ctx) { f.internal = true; }

    @Override public boolean allowedOnRelationFields() { return true; }
}
