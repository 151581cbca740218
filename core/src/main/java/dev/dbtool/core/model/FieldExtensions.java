package dev.dbtool.core.model;

import java.util.List;

/** dbtool's field attributes beyond Prisma: {@code @hashed @encrypted @internal @validate @seed @auth}. */
public record FieldExtensions(boolean hashed, boolean encrypted, boolean internal, List<ValidationRule> validations,
                              String seedExpression, String authScope) {
    public static final FieldExtensions NONE = new FieldExtensions(false, false, false, List.of(), null, null);
}
