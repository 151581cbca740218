package dev.dbtool.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "queue-worker",
        description = "Generate the worker of a job: the handler interface, its scaffold (written once, yours to edit) and the plumbing that runs it "
                + "with the job's @@concurrency, @@timeout and @@retry (exponential backoff with jitter, then dead letters), reclaims jobs of dead "
                + "workers after the visibility timeout, and shuts down gracefully. Also generates the job's producer. When several job types "
                + "share the queue, one worker runs them all (named after the queue: notifications -> NotificationsQueueWorker) with a handler per type.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 done, 1 schema errors or unknown job, 2 usage, 3 unwritable files.", "",
            "Examples:",
            "  dbtool queue-worker SendWelcomeEmail",
            "  dbtool queue-stats --watch                # then watch the queue"})
final class QueueWorkerCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Mixin SchemaOption schemaOption;

    @Parameters(index = "0", paramLabel = "JOB", description = "The job block's name.")
    String name;

    @Override
    public Integer call() { return QueueGeneration.run(root.environment, schemaOption, name, true); }
}
