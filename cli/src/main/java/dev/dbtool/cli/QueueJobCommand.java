package dev.dbtool.cli;

import dev.dbtool.core.model.Job;
import dev.dbtool.generators.api.ApiSelection;
import dev.dbtool.generators.java.JavaApiGenerator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "queue-job",
        description = "Generate a typed job and its producer from a `job` block: the payload record (validated before it is enqueued), add / addBulk / "
                + "enqueue inside a database transaction (outbox), and the queue engine on Redis Streams, once per project. The first time, also the "
                + "Liquibase changeset of the outbox and idempotency tables.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 done, 1 schema errors or unknown job, 2 usage, 3 unwritable files.", "",
            "Examples:",
            "  dbtool queue-job SendWelcomeEmail",
            "  dbtool queue-worker SendWelcomeEmail      # then the worker that processes it"})
final class QueueJobCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Mixin SchemaOption schemaOption;

    @Parameters(index = "0", paramLabel = "JOB", description = "The job block's name.")
    String name;

    @Override
    public Integer call() { return QueueGeneration.run(root.environment, schemaOption, name, false); }
}

/** What queue-job and queue-worker share: select the job, regenerate, write the tables' changeset once. */
final class QueueGeneration {
    private QueueGeneration() {}

    static int run(Environment env, SchemaOption schemaOption, String name, boolean worker) {
        LoadedProject loaded = LoadedProject.load(schemaOption, env);
        GqlProject project = GqlProject.of(loaded, env);
        Job job = project.schema().job(name).orElseThrow(() -> {
            String guess = dev.dbtool.core.parser.Suggestions.closest(name, project.schema().jobs().stream().map(Job::name).toList());
            return new UserError(ExitCodes.FINDINGS, "there is no job `" + name + "` in the schema" + (guess == null ? "" : " (did you mean `" + guess + "`?)"));
        });
        ApiSelection selection = project.selection(env).withJob(job.name(), worker);
        JavaApiGenerator.Output out = project.generate(selection);
        GqlProject.Plan plan = project.plan(out, selection, env);
        project.apply(out, selection, plan, env);
        QueueTables.ensure(loaded, env);
        env.err().println("✔ " + job.name() + " on queue " + job.queue() + (worker ? ": worker plumbing generated; write the handling in "
                + project.settings().basePackage() + ".jobs." + job.name() + "Job" : ": producer generated; apply the queue tables with `dbtool migrate`"));
        return ExitCodes.OK;
    }
}
