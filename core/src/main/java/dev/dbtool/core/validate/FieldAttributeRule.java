package dev.dbtool.core.validate;

import java.util.List;

/** The reading and checking of one field attribute ({@code @id}, {@code @default}, …). */
public interface FieldAttributeRule {
    /** Parameter names; the first is the one an unnamed argument binds to. */
    List<String> parameters();

    void apply(FieldDraft field, AttributeArguments args, ValidationContext ctx);

    /** Whether the attribute may appear on relation fields (only {@code @relation} and {@code @ignore} may). */
    default boolean allowedOnRelationFields() { return false; }

    /** Whether the rule reads its arguments itself instead of binding them to {@link #parameters()}. */
    default boolean bindsOwnArguments() { return false; }
}
