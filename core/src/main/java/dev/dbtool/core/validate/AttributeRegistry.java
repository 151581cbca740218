package dev.dbtool.core.validate;

import dev.dbtool.core.validate.block.AuthBlockAttribute;
import dev.dbtool.core.validate.block.CacheBlockAttribute;
import dev.dbtool.core.validate.block.CheckBlockAttribute;
import dev.dbtool.core.validate.block.FulltextBlockAttribute;
import dev.dbtool.core.validate.block.IdBlockAttribute;
import dev.dbtool.core.validate.block.IgnoreBlockAttribute;
import dev.dbtool.core.validate.block.IndexBlockAttribute;
import dev.dbtool.core.validate.block.MapBlockAttribute;
import dev.dbtool.core.validate.block.SchemaBlockAttribute;
import dev.dbtool.core.validate.block.SeedBlockAttribute;
import dev.dbtool.core.validate.block.UniqueBlockAttribute;
import dev.dbtool.core.validate.field.AuthAttribute;
import dev.dbtool.core.validate.field.DefaultAttribute;
import dev.dbtool.core.validate.field.EncryptedAttribute;
import dev.dbtool.core.validate.field.HashedAttribute;
import dev.dbtool.core.validate.field.IdAttribute;
import dev.dbtool.core.validate.field.IgnoreAttribute;
import dev.dbtool.core.validate.field.InternalAttribute;
import dev.dbtool.core.validate.field.MapAttribute;
import dev.dbtool.core.validate.field.RelationAttribute;
import dev.dbtool.core.validate.field.SeedAttribute;
import dev.dbtool.core.validate.field.UniqueAttribute;
import dev.dbtool.core.validate.field.UpdatedAtAttribute;
import dev.dbtool.core.validate.field.ValidateAttribute;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which attributes exist, and the rule that reads each. Order matters where one reads another's result. */
final class AttributeRegistry {
    /** Field attributes; {@code @hashed} and {@code @encrypted} come before {@code @default} so it can see them. */
    static final Map<String, FieldAttributeRule> FIELD = new LinkedHashMap<>();
    static final Map<String, BlockAttributeRule> MODEL = new LinkedHashMap<>();

    static {
        FIELD.put("hashed", new HashedAttribute());
        FIELD.put("encrypted", new EncryptedAttribute());
        FIELD.put("id", new IdAttribute());
        FIELD.put("unique", new UniqueAttribute());
        FIELD.put("default", new DefaultAttribute());
        FIELD.put("map", new MapAttribute());
        FIELD.put("updatedAt", new UpdatedAtAttribute());
        FIELD.put("ignore", new IgnoreAttribute());
        FIELD.put("relation", new RelationAttribute());
        FIELD.put("internal", new InternalAttribute());
        FIELD.put("validate", new ValidateAttribute());
        FIELD.put("seed", new SeedAttribute());
        FIELD.put("auth", new AuthAttribute());

        MODEL.put("map", new MapBlockAttribute());
        MODEL.put("schema", new SchemaBlockAttribute());
        MODEL.put("id", new IdBlockAttribute());
        MODEL.put("unique", new UniqueBlockAttribute());
        MODEL.put("index", new IndexBlockAttribute());
        MODEL.put("ignore", new IgnoreBlockAttribute());
        MODEL.put("fulltext", new FulltextBlockAttribute());
        MODEL.put("check", new CheckBlockAttribute());
        MODEL.put("cache", new CacheBlockAttribute());
        MODEL.put("auth", new AuthBlockAttribute());
        MODEL.put("seed", new SeedBlockAttribute());
    }

    private AttributeRegistry() {}
}
