package dev.dbtool.cli;

import dev.dbtool.core.model.Model;
import dev.dbtool.generators.api.ApiSelection;
import dev.dbtool.generators.java.JavaApiGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "cache-setup",
        description = "Add the Redis cache layer (Lettuce) to the generated GraphQL API: read-through caching of the @@cache models' rows, lists and "
                + "relations with invalidation after every committed write, an opt-in cache of whole query results, a session store, stampede "
                + "protection and graceful degradation when Redis is down. Kept in dbtool-api.json; regenerates the `generated` package.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 done, 1 schema errors or nothing to cache, 2 usage, 3 unwritable files.", "",
            "Examples:",
            "  dbtool cache-setup                       # the models marked @@cache(ttl: …)",
            "  dbtool cache-setup --all --query users   # every type, and cache whole `users` results",
            "  REDIS_URL=rediss://cache.internal:6380 java … ApiServer"})
final class CacheSetupCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Mixin SchemaOption schemaOption;

    @Option(names = "--all", description = "Cache every GraphQL type (TTL from @@cache, else 60 s), not only the @@cache models.")
    boolean all;

    @Option(names = "--query", paramLabel = "FIELD", description = "Also cache whole results of this root query field (repeatable).")
    List<String> queries = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Java source root to write to instead of the generator block's output.")
    Path out;

    @Override
    public Integer call() {
        Environment env = root.environment;
        GqlProject loaded = GqlProject.of(LoadedProject.load(schemaOption, env), env);
        GqlProject project = out == null ? loaded : loaded.withOutput(env.resolve(out.toString()));
        ApiSelection selection = project.selection(env);
        if (selection.types().isEmpty()) throw new UserError(ExitCodes.FINDINGS, "there is no GraphQL type to cache yet: run `dbtool gql-type` or `dbtool gql-query` first");
        boolean anyCache = false;
        for (String t : selection.types()) {
            Model m = project.schema().model(t).orElse(null);
            if (m != null && m.extensions().cacheTtlSeconds() != null) anyCache = true;
        }
        List<String> cachedQueries = new ArrayList<>(selection.cache() == null ? List.of() : selection.cache().queries());
        for (String q : queries) if (!cachedQueries.contains(q)) cachedQueries.add(q);
        boolean cacheAll = all || (selection.cache() != null && selection.cache().all());
        if (!cacheAll && !anyCache) throw new UserError(ExitCodes.FINDINGS, "no GraphQL type's model has @@cache(ttl: …): add it to the models to cache, or pass --all");
        selection = selection.withCache(new ApiSelection.CacheSelection(cacheAll, cachedQueries));
        JavaApiGenerator.Output generated = project.generate(selection);
        GqlProject.Plan plan = project.plan(generated, selection, env);
        project.apply(generated, selection, plan, env);
        env.err().println("✔ cache layer for " + String.join(", ", selection.types().stream().filter(t -> cacheAll
                || project.schema().model(t).map(m -> m.extensions().cacheTtlSeconds() != null).orElse(false)).toList())
                + (cachedQueries.isEmpty() ? "" : "; whole results of " + String.join(", ", cachedQueries))
                + ". Create the API with Api.create(dataSource, config, CacheConfig.fromEnvironment(…)) or set REDIS_URL for ApiServer.");
        project.checkBuildFile(generated, env);
        return ExitCodes.OK;
    }
}
