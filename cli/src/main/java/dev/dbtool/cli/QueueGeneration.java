package dev.dbtool.cli;

import dev.dbtool.core.model.Job;
import dev.dbtool.generators.api.ApiSelection;
import dev.dbtool.generators.java.JavaApiGenerator;

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
