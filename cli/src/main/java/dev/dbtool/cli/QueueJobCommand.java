package dev.dbtool.cli;

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
