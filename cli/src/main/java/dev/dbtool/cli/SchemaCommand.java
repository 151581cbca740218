package dev.dbtool.cli;

import dev.dbtool.core.diff.Renames;
import dev.dbtool.core.diff.SchemaChange;
import dev.dbtool.core.diff.SchemaDiff;
import dev.dbtool.core.edit.FieldSpec;
import dev.dbtool.core.edit.ModelScaffold;
import dev.dbtool.core.format.FileFormatter;
import dev.dbtool.core.model.Field;
import dev.dbtool.core.model.Model;
import dev.dbtool.core.model.ScalarField;
import dev.dbtool.core.model.Schema;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.source.SourceFile;
import dev.dbtool.generators.liquibase.ChangesetPlanner;
import dev.dbtool.generators.liquibase.PlannedChangeset;
import dev.dbtool.generators.liquibase.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "schema",
        description = "Add a model to the schema if it is new, then write one Liquibase changeset for what changed since the last one and include it in the master changelog. With a model named, only that model (and what it needs) is migrated.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 written (or nothing to do), 1 schema errors or refused data loss, 2 usage, 3 unwritable files.", "",
            "Examples:",
            "  dbtool schema                                   # changeset for everything that changed",
            "  dbtool schema Post --field title:String --field body:String@db.Text --field authorId:Int",
            "  dbtool schema --rename User.name=fullName       # a renamed field keeps its data",
            "  dbtool schema --accept-data-loss                # drops are refused without this"})
final class SchemaCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Mixin SchemaOption schemaOption;

    @Parameters(arity = "0..1", paramLabel = "Model", description = "A model to add (when new) and to migrate alone.")
    String model;

    @Option(names = "--field", paramLabel = "name:Type", description = "A field of the new model: name:Type[?|[]][@attribute…]. Repeatable.")
    List<String> fields = new ArrayList<>();

    @Option(names = "--name", paramLabel = "SLUG", description = "Name of the changeset (default: from the model or the first change).")
    String name;

    @Option(names = "--rename", paramLabel = "OLD=NEW", description = "A rename, not a drop and an add: Model.oldField=newField or OldModel=NewModel "
            + "(old names as the database knows them). Repeatable.")
    List<String> renames = new ArrayList<>();

    @Option(names = "--accept-data-loss", description = "Allow changes that drop tables, columns or enum values, or narrow a column type.")
    boolean acceptDataLoss;

    /** Tests replace the clock to get stable changeset ids. */
    static Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        Environment env = root.environment;
        Path schemaPath = schemaOption.resolve(env);
        List<SourceFile> sources = new ArrayList<>(SchemaReading.read(schemaPath, env));
        SourceFile edited = addModelIfNew(schemaPath, sources, env);
        LoadedProject project = LoadedProject.check(schemaPath, sources, env);
        Schema schema = project.loaded().schema();
        if (model != null && schema.model(model).isEmpty()) throw new UserError(ExitCodes.USAGE, "no model " + model + " in the schema");
        Migrations migrations = Migrations.of(schemaPath, schema);
        DbSchema previous = readSnapshot(migrations, env);
        String master = readIfExists(migrations.master(), env);
        String author = migrations.author(env);
        var request = new ChangesetPlanner.Request(schema, previous, master, renames(schema, previous), model, name, author,
                clock.instant(), migrations.settings());
        SchemaDiff diff = ChangesetPlanner.diff(request);
        if (diff.isEmpty()) {
            writeSchema(edited, env);
            env.err().println("✔ No changes since the last changeset" + (model != null ? " for " + model : "") + ".");
            return ExitCodes.OK;
        }
        if (!diff.dataLoss().isEmpty() && !acceptDataLoss) {
            env.err().println("error: these changes lose data:");
            for (SchemaChange c : diff.dataLoss()) env.err().println("  - " + c.describe());
            env.err().println("If a table or column was renamed, say so: --rename Model.oldField=newField or --rename OldModel=NewModel.");
            env.err().println("To drop the data on purpose, run again with --accept-data-loss. Nothing was written.");
            return ExitCodes.FINDINGS;
        }
        PlannedChangeset plan = ChangesetPlanner.plan(request, diff);
        Path changeset = migrations.directory().resolve(plan.changesetPath());
        for (int n = 2; Files.exists(changeset); n++) { // two runs in one second: keep ids unique
            String slug = dev.dbtool.generators.liquibase.ChangeSetIds.slugFor(name, model, diff.changes()) + "-" + n;
            request = new ChangesetPlanner.Request(schema, previous, master, request.renames(), model, slug, author, request.now(), migrations.settings());
            plan = ChangesetPlanner.plan(request, diff);
            changeset = migrations.directory().resolve(plan.changesetPath());
        }
        writeSchema(edited, env);
        try {
            AtomicFiles.write(changeset, plan.changesetText());
            AtomicFiles.write(migrations.master(), plan.masterText());
            AtomicFiles.write(migrations.snapshot(), plan.snapshotText());
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot write the changelog: " + e.getMessage(), e);
        }
        env.out().println(env.display(changeset));
        env.err().println("✔ Wrote changeset " + plan.id() + " (" + diff.changes().size() + (diff.changes().size() == 1 ? " change" : " changes") + "), included in " + env.display(migrations.master()) + ":");
        for (SchemaChange c : diff.changes()) env.err().println("  - " + c.describe());
        for (String w : diff.warnings()) env.err().println("warning: " + w);
        lintChangeset(migrations, plan.id(), env);
        env.err().println("Apply it with `dbtool migrate`.");
        return ExitCodes.OK;
    }

    /** The migration-safety rules on the changeset just written (advice: the exit code does not change). */
    private static void lintChangeset(Migrations migrations, String id, Environment env) {
        try {
            var changelog = dev.dbtool.generators.lint.ChangelogReader.read(migrations.master());
            var mine = new dev.dbtool.generators.lint.ChangelogReader.Result(
                    changelog.statements().stream().filter(st -> st.changeSet().id().startsWith(id)).toList(),
                    changelog.changeSets().stream().filter(c -> c.id().startsWith(id)).toList());
            for (var f : dev.dbtool.generators.lint.Linter.migrations(mine, java.util.Map.of())) {
                env.err().println("lint " + f.severity().label() + ": [" + f.rule() + "] " + f.message() + " " + f.fix());
            }
        } catch (IOException e) {
            env.err().println("warning: could not lint the changeset: " + e.getMessage());
        }
    }

    /** Appends the model to the file holding the datasource (else the first file); returns the edited file, or null. */
    private SourceFile addModelIfNew(Path schemaPath, List<SourceFile> sources, Environment env) {
        if (model == null) {
            if (!fields.isEmpty()) throw new UserError(ExitCodes.USAGE, "--field needs a model name: dbtool schema Model --field name:Type");
            return null;
        }
        if (!model.matches("[A-Za-z][A-Za-z0-9_]*")) throw new UserError(ExitCodes.USAGE, "invalid model name `" + model + "`");
        boolean exists = sources.stream().anyMatch(s -> s.text().matches("(?s)(.*\\n)?\\s*(model|view)\\s+" + model + "\\s*\\{.*"));
        if (exists) {
            if (!fields.isEmpty()) throw new UserError(ExitCodes.USAGE, "model " + model + " exists; edit the schema to change its fields");
            return null;
        }
        List<FieldSpec> specs = new ArrayList<>();
        for (String f : fields) {
            try {
                specs.add(FieldSpec.parse(f));
            } catch (IllegalArgumentException e) {
                throw new UserError(ExitCodes.USAGE, e.getMessage());
            }
        }
        int index = 0;
        for (int i = 0; i < sources.size(); i++) if (sources.get(i).text().contains("datasource ")) { index = i; break; }
        SourceFile file = sources.get(index);
        String block = FileFormatter.format(new SourceFile(file.path(), ModelScaffold.block(model, specs))).formatted();
        if (block == null) throw new UserError(ExitCodes.USAGE, "the --field values do not form a valid model block");
        SourceFile edited = new SourceFile(file.path(), ModelScaffold.append(file.text(), block));
        sources.set(index, edited);
        env.err().println("Adding model " + model + " to " + file.path() + ".");
        return edited;
    }

    private static void writeSchema(SourceFile edited, Environment env) {
        if (edited == null) return;
        try {
            AtomicFiles.write(env.resolve(edited.path()), edited.text());
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot write " + edited.path() + ": " + e.getMessage(), e);
        }
    }

    private static DbSchema readSnapshot(Migrations m, Environment env) {
        String text = readIfExists(m.snapshot(), env);
        if (text == null) return DbSchema.EMPTY;
        try {
            return Snapshot.read(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.FINDINGS, env.display(m.snapshot()) + ": " + e.getMessage());
        }
    }

    private static String readIfExists(Path p, Environment env) {
        try {
            return Files.exists(p) ? Files.readString(p) : null;
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot read " + env.display(p) + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code Model.old=new} and {@code Old=New} → database names. The old name may be the old field (model) name or the
     * old column (table) name, and the new one the new field (model) name or its column (table): the old one is found
     * among the last changeset's columns exactly, then ignoring case and underscores, then as the only one that is gone.
     */
    private Renames renames(Schema schema, DbSchema previous) {
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, String> columns = new LinkedHashMap<>();
        for (String r : renames) {
            String[] parts = r.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new UserError(ExitCodes.USAGE, "invalid --rename `" + r + "`: expected Model.oldField=newField or OldModel=NewModel");
            }
            if (parts[0].contains(".")) {
                String modelName = parts[0].substring(0, parts[0].indexOf('.'));
                String oldName = parts[0].substring(parts[0].indexOf('.') + 1);
                Model m = modelNamed(schema, modelName);
                ScalarField s = m.scalarFields().stream().filter(f -> f.name().equals(parts[1]) || f.columnName().equals(parts[1])).findFirst()
                        .orElseThrow(() -> new UserError(ExitCodes.USAGE, "--rename: model " + m.name() + " has no scalar field " + parts[1]));
                var table = previous.tables().stream().filter(t -> t.name().equals(m.tableName())).findFirst()
                        .orElseThrow(() -> new UserError(ExitCodes.USAGE, "--rename: the last changeset has no table " + m.tableName()));
                List<String> before = table.columns().stream().map(c -> c.name()).toList();
                List<String> gone = before.stream().filter(c -> m.scalarFields().stream().noneMatch(f -> f.columnName().equals(c))).toList();
                columns.put(m.tableName() + "." + oldName(oldName, before, gone, "column", m.tableName()), s.columnName());
            } else {
                Model m = modelNamed(schema, parts[1]);
                List<String> before = previous.tables().stream().map(t -> t.name()).toList();
                List<String> now = dev.dbtool.core.physical.PhysicalSchemaBuilder.build(schema).tables().stream().map(t -> t.name()).toList();
                List<String> gone = before.stream().filter(t -> !now.contains(t)).toList();
                tables.put(oldName(parts[0], before, gone, "table", null), m.tableName());
            }
        }
        return new Renames(tables, columns);
    }

    private static Model modelNamed(Schema schema, String name) {
        return schema.model(name).or(() -> schema.models().stream().filter(m -> m.tableName().equals(name)).findFirst())
                .orElseThrow(() -> new UserError(ExitCodes.USAGE, "--rename: no model " + name));
    }

    /** The database name the user meant by {@code given}: see {@link #renames}. */
    private static String oldName(String given, List<String> before, List<String> gone, String what, String table) {
        if (before.contains(given)) return given;
        List<String> alike = before.stream().filter(b -> loose(b).equals(loose(given))).toList();
        if (alike.size() == 1) return alike.get(0);
        if (gone.size() == 1) return gone.get(0);
        String where = table == null ? "" : " of " + table;
        throw new UserError(ExitCodes.USAGE, "--rename: the last changeset has no " + what + " " + given + where
                + (gone.isEmpty() ? "" : "; " + what + "s that are gone: " + String.join(", ", gone)));
    }

    private static String loose(String name) { return name.replace("_", "").toLowerCase(java.util.Locale.ROOT); }
}
