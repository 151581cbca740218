package dev.dbtool.core.validate;

import dev.dbtool.core.ast.SchemaAst;
import dev.dbtool.core.ast.SchemaFile;
import dev.dbtool.core.ast.Top;
import dev.dbtool.core.diagnostics.Diagnostics;
import dev.dbtool.core.model.Datasource;
import dev.dbtool.core.model.EnumType;
import dev.dbtool.core.model.Generator;
import dev.dbtool.core.model.Job;
import dev.dbtool.core.model.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Syntax tree → schema model. Reports every problem it finds and still returns the best model it can build,
 * so callers decide by {@link Diagnostics#hasErrors()}. Never throws on any input.
 */
public final class SchemaValidator {
    private SchemaValidator() {}

    public static Schema validate(SchemaAst ast, Diagnostics diagnostics) {
        ValidationContext first = new ValidationContext(diagnostics, Declarations.empty(), null);
        Declarations declarations = DeclarationCollector.collect(ast, first);
        String datasourceName = declarations.datasources().isEmpty() ? null : declarations.datasources().get(0).nameText();
        ValidationContext ctx = new ValidationContext(diagnostics, declarations, datasourceName);
        Datasource datasource = DatasourceReader.read(declarations, ctx);
        if (datasource == null && !ast.files().isEmpty() && !declarations.types().isEmpty()) {
            var firstFile = ast.files().get(0).source();
            ctx.warning(dev.dbtool.core.source.Span.of(firstFile, 0, 0), "No datasource block: dbtool assumes `provider = \"postgresql\"` "
                    + "and takes the URL from --url or DATABASE_URL.");
        }
        List<Generator> generators = GeneratorReader.read(declarations, ctx);

        Map<String, ModelDraft> models = new LinkedHashMap<>();
        List<EnumType> enums = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        ModelReader modelReader = new ModelReader(ctx);
        for (SchemaFile file : ast.files()) {
            for (Top item : file.items()) {
                if (!(item instanceof Top.Block b) || declarations.get(b.nameText()) != b) continue;
                String doc = Docs.forBlock(file, b);
                switch (b.kind()) {
                    case MODEL, VIEW -> models.put(b.nameText(), modelReader.read(b, doc, datasource));
                    case ENUM -> enums.add(EnumReader.read(b, doc, ctx));
                    case JOB -> jobs.add(JobReader.read(b, doc, ctx));
                    case TYPE -> ctx.error(b.name().span(), "Composite types are not supported on PostgreSQL: make `" + b.nameText()
                            + "` a model with a relation, or use a Json field.");
                    default -> { }
                }
            }
        }
        checkEnumSchemas(enums, datasource, declarations, ctx);
        checkSharedQueues(jobs, declarations, ctx);
        checkTableNames(models, enums, ctx);
        RelationResolver relations = new RelationResolver(models, ctx, datasource != null && "prisma".equals(datasource.relationMode()));
        relations.resolve();
        Schema schema = ModelFreezer.freeze(datasource, generators, models, enums, jobs, relations.pairs);
        // Database names can only be checked on a schema that builds; other errors come first.
        if (!diagnostics.hasErrors()) PhysicalNames.check(schema, ctx);
        return schema;
    }

    private static void checkEnumSchemas(List<EnumType> enums, Datasource ds, Declarations declarations, ValidationContext ctx) {
        List<String> schemas = ds == null ? List.of() : ds.schemas();
        for (EnumType e : enums) {
            Top.Block b = declarations.get(e.name());
            if (e.schema() == null && !schemas.isEmpty()) {
                ctx.error(b.name().span(), "The datasource lists `schemas`, so enum `" + e.name() + "` needs `@@schema(\"…\")` (one of: "
                        + String.join(", ", schemas) + ").");
            } else if (e.schema() != null && !schemas.contains(e.schema())) {
                ctx.error(b.name().span(), schemas.isEmpty()
                        ? "`@@schema` needs the datasource to list its schemas: add `schemas = [\"" + e.schema() + "\"]` to it."
                        : "The schema `" + e.schema() + "` of enum `" + e.name() + "` is not listed in the datasource's `schemas`.");
            }
        }
    }

    /**
     * Several job types may share a queue (its worker dispatches each entry to its type's handler), but one worker runs
     * the queue: the jobs on it must ask for the same {@code @@concurrency} and {@code @@timeout}. Retries are per job.
     */
    private static void checkSharedQueues(List<Job> jobs, Declarations declarations, ValidationContext ctx) {
        Map<String, Job> first = new HashMap<>();
        for (Job job : jobs) {
            if (job.queue() == null) continue;
            Job other = first.putIfAbsent(job.queue(), job);
            if (other == null) continue;
            String conflict = other.concurrency() != job.concurrency() ? "`@@concurrency` (" + other.concurrency() + " and " + job.concurrency() + ")"
                    : !java.util.Objects.equals(other.timeoutMs(), job.timeoutMs())
                    ? "`@@timeout` (" + (other.timeoutMs() == null ? "none" : other.timeoutMs() + " ms") + " and " + (job.timeoutMs() == null ? "none" : job.timeoutMs() + " ms") + ")"
                    : null;
            if (conflict != null) {
                ctx.error(declarations.get(job.name()).name().span(), "Jobs `" + other.name() + "` and `" + job.name() + "` share the queue `" + job.queue()
                        + "` but ask for different " + conflict + ": one worker runs the queue, so give them the same value, or give `" + job.name()
                        + "` a queue of its own, e.g. `@@queue(\"" + job.queue() + "-" + job.name().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase() + "\")`.");
            }
        }
    }

    /** Two models (or enums) may not share a database name within one PostgreSQL schema. */
    private static void checkTableNames(Map<String, ModelDraft> models, List<EnumType> enums, ValidationContext ctx) {
        Map<String, String> tables = new HashMap<>();
        for (ModelDraft m : models.values()) {
            String key = (m.schema == null ? "" : m.schema) + "." + m.tableName;
            String other = tables.putIfAbsent(key, m.name);
            if (other != null) {
                ctx.error(m.ast.name().span(), "The " + m.kindWord() + " `" + m.name + "` has the database name `" + m.tableName
                        + "`, which `" + other + "` already uses" + (m.schema == null ? "" : " in schema `" + m.schema + "`")
                        + ". Give one of them another `@@map`.");
            }
        }
        Map<String, String> types = new HashMap<>();
        for (EnumType e : enums) {
            String key = (e.schema() == null ? "" : e.schema()) + "." + e.databaseName();
            String other = types.putIfAbsent(key, e.name());
            if (other != null) {
                ctx.error(e.span(), "The enum `" + e.name() + "` has the database name `" + e.databaseName() + "`, which enum `" + other
                        + "` already uses. Give one of them another `@@map`.");
            }
        }
    }

}
