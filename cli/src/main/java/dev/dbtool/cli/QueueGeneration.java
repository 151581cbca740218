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
        java.util.List<String> shared = project.schema().jobs().stream().filter(j -> j.queue().equals(job.queue())).map(Job::name).toList();
        String jobs = project.settings().basePackage() + ".jobs.";
        if (worker && shared.size() > 1) {
            env.err().println("✔ " + job.name() + " on queue " + job.queue() + ", shared with " + String.join(", ", shared.stream().filter(n -> !n.equals(job.name())).toList())
                    + ": one worker runs them all (" + JavaApiGenerator.queueWorkerName(job.queue()) + ", one handler per job type); write the handling in "
                    + String.join(", ", shared.stream().map(n -> jobs + n + "Job").toList()));
        } else {
            env.err().println("✔ " + job.name() + " on queue " + job.queue() + (worker ? ": worker plumbing generated; write the handling in "
                    + jobs + job.name() + "Job" : ": producer generated; apply the queue tables with `dbtool migrate`"));
        }
        project.checkBuildFile(out, env);
        return ExitCodes.OK;
    }
}
