package dev.dbtool.core.validate;

import dev.dbtool.core.ast.Top;
import dev.dbtool.core.model.CheckConstraint;
import dev.dbtool.core.model.Index;
import dev.dbtool.core.model.IndexField;
import dev.dbtool.core.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A model or view while its fields and block attributes are being read. */
public final class ModelDraft {
    public final Top.Block ast;
    public final String name;
    public final boolean view;
    public String tableName;
    public String schema;
    public Span schemaSpan;
    public boolean ignored;
    public final Map<String, FieldDraft> fields = new LinkedHashMap<>();
    public List<IndexField> compoundId;
    public String compoundIdName;
    public String compoundIdMap;
    public Span compoundIdSpan;
    /** An {@code @@id} was written, even if it was invalid: no "missing unique criterion" on top of its error. */
    public boolean compoundIdWritten;
    public final List<Index> indexes = new ArrayList<>();
    public final List<CheckConstraint> checks = new ArrayList<>();
    public Integer cacheTtl;
    public String readScope;
    public String writeScope;
    public Integer seedCount;
    public final String documentation;

    public ModelDraft(Top.Block ast, String documentation) {
        this.ast = ast;
        this.name = ast.nameText();
        this.view = ast.kind() == dev.dbtool.core.ast.BlockKind.VIEW;
        this.tableName = name;
        this.documentation = documentation;
    }

    public String kindWord() { return view ? "view" : "model"; }
}
