package dev.dbtool.cli;

import dev.dbtool.core.model.Model;
import dev.dbtool.generators.api.ApiModelBuilder;
import dev.dbtool.generators.api.ApiModelException;
import dev.dbtool.generators.api.ApiSelection;
import dev.dbtool.generators.api.OperationKind;
import dev.dbtool.generators.api.OperationNames;
import dev.dbtool.generators.api.OperationSpec;
import dev.dbtool.generators.java.JavaApiGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "gql-type",
        description = "Expose models as GraphQL types: the SDL (schema.graphql), a Java record, create/update inputs, a typed JDBC repository "
                + "and the graphql-java wiring with DataLoaders for relations, plus the API's support classes. The selection is kept in "
                + "dbtool-api.json next to the schema; everything under the `generated` package is rewritten on every run. A model or enum "
                + "named like a type the API derives from another (ImageConnection beside Image's connection) is exposed with a Model "
                + "(or Enum) suffix, and a note says so.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 done (or up to date), 1 schema errors, unknown model, or --check found stale files, 2 usage, 3 unwritable files.", "",
            "Examples:",
            "  dbtool gql-type User",
            "  dbtool gql-type --all             # every model",
            "  dbtool gql-type --all --crud      # every model with its list, get, write and aggregate fields",
            "  dbtool gql-type --check           # in CI: fail when the generated sources are stale"})
final class GqlTypeCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Mixin SchemaOption schemaOption;

    @Parameters(arity = "0..*", paramLabel = "MODEL", description = "Models to add as types (none: regenerate what dbtool-api.json lists).")
    List<String> models = new ArrayList<>();

    @Option(names = "--all", description = "Every model of the schema (views and ignored models excepted).")
    boolean all;

    @Option(names = "--check", description = "Write nothing; exit 1 and list the files that would change.")
    boolean check;

    @Option(names = "--crud", description = "Also give each named model its root fields, as `dbtool gql-query` names them: users, user, createUser, "
            + "updateUser, deleteUser, upsertUser, createManyUsers, updateManyUsers, deleteManyUsers, aggregateUser, groupByUser (those the model can have; names already "
            + "taken are left alone).")
    boolean crud;

    @Override
    public Integer call() {
        Environment env = root.environment;
        LoadedProject loaded = LoadedProject.load(schemaOption, env);
        GqlProject project = GqlProject.of(loaded, env);
        ApiSelection selection = project.selection(env);
        List<String> names = new ArrayList<>(models);
        if (all) for (Model m : project.schema().models()) if (!m.view() && !m.ignored()) names.add(m.name());
        for (String n : names) {
            project.requireModel(n);
            selection = selection.withType(n);
            if (!crud) continue;
            try {
                for (OperationKind k : ApiModelBuilder.possibleKinds(project.schema(), project.settings(), n)) {
                    if (k.subscription()) continue; // subscriptions are asked for by name: they add a NOTIFY to every write
                    String op = OperationNames.defaultName(k, n);
                    if (selection.operations().stream().noneMatch(o -> o.name().equals(op))) selection = selection.withOperation(new OperationSpec(op, k, n));
                }
            } catch (ApiModelException e) {
                throw new UserError(ExitCodes.FINDINGS, e.getMessage());
            }
        }
        if (selection.types().isEmpty()) throw new UserError(ExitCodes.USAGE, "name a model (dbtool gql-type User) or pass --all");
        JavaApiGenerator.Output out = project.generate(selection);
        GqlProject.Plan plan = project.plan(out, selection, env);
        if (check) {
            for (var p : plan.create()) env.out().println("missing " + env.display(p));
            for (var p : plan.write()) env.out().println("stale   " + env.display(p));
            for (var p : plan.delete()) env.out().println("extra   " + env.display(p));
            if (plan.changes()) env.err().println("✘ the generated GraphQL API is out of date; run `dbtool gql-type`");
            else env.err().println("✔ the generated GraphQL API is up to date");
            return plan.changes() ? ExitCodes.FINDINGS : ExitCodes.OK;
        }
        project.apply(out, selection, plan, env);
        if (selection.operations().stream().anyMatch(o -> o.kind().subscription())) EventTables.ensure(loaded, env);
        env.err().println("✔ " + selection.types().size() + " types, " + selection.operations().size() + " operations; "
                + (plan.create().size() + plan.write().size()) + " files written, " + plan.unchanged().size() + " unchanged");
        project.checkBuildFile(out, env);
        return ExitCodes.OK;
    }
}
