package dev.dbtool.core.validate;

import java.util.List;

/** The reading and checking of one model block attribute ({@code @@id}, {@code @@index}, …). */
public interface BlockAttributeRule {
    List<String> parameters();

    void apply(ModelDraft model, AttributeArguments args, ValidationContext ctx);
}
