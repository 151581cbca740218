package dev.dbtool.core.validate;

import dev.dbtool.core.ast.Member;
import dev.dbtool.core.model.Arity;
import dev.dbtool.core.model.DefaultValue;
import dev.dbtool.core.model.FieldKind;
import dev.dbtool.core.model.NativeType;
import dev.dbtool.core.model.ReferentialAction;
import dev.dbtool.core.model.SortOrder;
import dev.dbtool.core.model.ValidationRule;
import dev.dbtool.core.source.Span;
import java.util.ArrayList;
import java.util.List;

/** A field while its attributes are being read; frozen into a model record afterwards. */
public final class FieldDraft {
    public final Member.Field ast;
    public final String name;
    public final Arity arity;
    /** The scalar, enum or unsupported kind; null for relation fields and unresolved types. */
    public FieldKind kind;
    /** The target model of a relation field; null otherwise. */
    public String relationTarget;
    public String columnName;
    public NativeType nativeType;
    public DefaultValue defaultValue;
    public boolean id;
    public String idMap;
    public SortOrder idSort;
    public boolean unique;
    public String uniqueMap;
    public SortOrder uniqueSort;
    public boolean updatedAt;
    public boolean ignored;
    public boolean hashed;
    public boolean encrypted;
    public boolean internal;
    public final List<ValidationRule> validations = new ArrayList<>();
    public String seed;
    public String authScope;
    public String relationName;
    public List<String> relationFields = List.of();
    public List<String> relationReferences = List.of();
    public ReferentialAction onDelete;
    public ReferentialAction onUpdate;
    public Span onDeleteSpan;
    public String foreignKeyName;
    public Span relationSpan;
    public final String documentation;
    /** Spans of attributes by name, for messages about combinations. */
    public final java.util.Map<String, Span> attributeSpans = new java.util.HashMap<>();

    public FieldDraft(Member.Field ast, Arity arity, String documentation) {
        this.ast = ast;
        this.name = ast.name().name();
        this.arity = arity;
        this.columnName = name;
        this.documentation = documentation;
    }

    public boolean isRelation() { return relationTarget != null; }

    public boolean isScalar(dev.dbtool.core.model.ScalarType t) {
        return kind instanceof FieldKind.Scalar s && s.type() == t;
    }

    public String typeName() { return ast.type() == null ? "?" : ast.type().name(); }

    public Span span() { return ast.span(); }
}
