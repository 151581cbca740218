package dev.dbtool.cli;

import dev.dbtool.generators.api.ApiSelection;
import dev.dbtool.generators.api.OperationKind;
import dev.dbtool.generators.api.OperationNames;
import dev.dbtool.generators.api.OperationSpec;
import dev.dbtool.generators.java.JavaApiGenerator;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "gql-query",
        description = "Add a root field to the GraphQL API: a query (list with filter/order/cursor pagination, or get by key) or a mutation "
                + "(create, update, delete in one transaction, with @validate checks and CONFLICT / NOT_FOUND errors). Writes the resolver "
                + "scaffold once (yours to edit) and regenerates its plumbing; the model becomes a type if it was not one.",
        mixinStandardHelpOptions = true,
        footer = {"", "The kind is inferred from the name when it is obvious: users (list User), user (get), createUser, updateUser, deleteUser.", "",
            "Exit codes: 0 done, 1 schema errors or unknown model, 2 usage (kind not inferable), 3 unwritable files.", "",
            "Examples:",
            "  dbtool gql-query users",
            "  dbtool gql-query createPost",
            "  dbtool gql-query feed --model Post --kind list"})
final class GqlQueryCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Mixin SchemaOption schemaOption;

    @Parameters(index = "0", paramLabel = "NAME", description = "The GraphQL field name.")
    String name;

    @Option(names = "--model", paramLabel = "MODEL", description = "The model it reads or writes (inferred from NAME when obvious).")
    String model;

    @Option(names = "--kind", paramLabel = "KIND", description = "list, get, create, update, delete, upsert, updateMany, deleteMany, createMany, aggregate, groupBy or events (inferred from NAME when obvious).")
    String kind;

    @Override
    public Integer call() {
        Environment env = root.environment;
        LoadedProject loaded = LoadedProject.load(schemaOption, env);
        GqlProject project = GqlProject.of(loaded, env);
        if (!name.matches("[_A-Za-z][_0-9A-Za-z]*")) throw new UserError(ExitCodes.USAGE, "`" + name + "` is not a GraphQL field name");
        Optional<OperationSpec> inferred = OperationNames.infer(project.schema(), name);
        OperationKind k = kind == null ? inferred.map(OperationSpec::kind).orElse(null)
                : OperationKind.parse(kind).orElseThrow(() -> new UserError(ExitCodes.USAGE, "--kind must be list, get, create, update, delete, upsert, updateMany, deleteMany, createMany, aggregate, groupBy or events, not `" + kind + "`"));
        String m = model != null ? model : inferred.map(OperationSpec::model).orElse(null);
        if (k == null || m == null) {
            throw new UserError(ExitCodes.USAGE, "cannot tell what `" + name + "` does from its name; pass --model and --kind (e.g. --model Post --kind list)");
        }
        project.requireModel(m);
        ApiSelection selection = project.selection(env).withOperation(new OperationSpec(name, k, m));
        JavaApiGenerator.Output out = project.generate(selection);
        GqlProject.Plan plan = project.plan(out, selection, env);
        project.apply(out, selection, plan, env);
        if (k.subscription()) EventTables.ensure(loaded, env);
        env.err().println("✔ " + name + ": " + k.id() + " " + m + "; edit its resolver in the " + project.settings().scaffoldPackage() + " package");
        project.checkBuildFile(out, env);
        return ExitCodes.OK;
    }
}
