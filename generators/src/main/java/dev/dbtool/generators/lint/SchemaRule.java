package dev.dbtool.generators.lint;

import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbSchema;
import java.util.List;

/** A rule over the schema model (and the database it describes). */
public interface SchemaRule extends LintRule {
    List<Finding> check(Schema schema, DbSchema database);
}
