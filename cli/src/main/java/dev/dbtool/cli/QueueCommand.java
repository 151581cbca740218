package dev.dbtool.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "queue",
        description = "Look at one job, act on dead letters, or pause a queue: inspect QUEUE JOB_ID, retry QUEUE (JOB_ID | --all), purge QUEUE, "
                + "pause QUEUE, resume QUEUE.",
        mixinStandardHelpOptions = true,
        subcommands = {QueueCommand.Inspect.class, QueueCommand.Retry.class, QueueCommand.Purge.class, QueueCommand.Pause.class, QueueCommand.Resume.class},
        footer = {"", "Exit codes: 0 done, 1 no such job (or not dead), 2 usage, 3 Redis cannot be reached.", "",
            "Examples:",
            "  dbtool queue inspect email-queue 5f1c…",
            "  dbtool queue retry email-queue --all",
            "  dbtool queue purge image-processing",
            "  dbtool queue pause email-queue              # workers finish running jobs and take no new ones",
            "  dbtool queue resume email-queue"})
final class QueueCommand implements Runnable {
    @ParentCommand DbtoolCommand root;

    @Option(names = "--url", paramLabel = "REDIS_URL", scope = picocli.CommandLine.ScopeType.INHERIT, description = "Redis. Default: $REDIS_URL, else redis://localhost:6379.")
    String url;

    @Option(names = "--prefix", defaultValue = "dbtool", scope = picocli.CommandLine.ScopeType.INHERIT, description = "The queues' key prefix. Default: ${DEFAULT-VALUE}.")
    String prefix;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: inspect, retry, purge, pause or resume"); }

    QueueInspector open() { return QueueStatsCommand.open(QueueStatsCommand.redisUrl(url, root.environment), prefix); }

    @Command(name = "inspect", description = "A job's state, attempts, progress, last error and stack.", mixinStandardHelpOptions = true)
    static final class Inspect implements Callable<Integer> {
        @ParentCommand QueueCommand parent;
        @Parameters(index = "0", paramLabel = "QUEUE") String queue;
        @Parameters(index = "1", paramLabel = "JOB_ID") String id;

        @Override
        public Integer call() {
            Environment env = parent.root.environment;
            try (QueueInspector q = parent.open()) {
                Map<String, String> job = q.job(queue, id);
                if (job.isEmpty()) throw new UserError(ExitCodes.FINDINGS, "no job `" + id + "` in queue " + queue + " (never added, or past its retention)");
                for (String key : new String[] {"id", "type", "state", "priority", "attempts", "max", "stalls", "progress", "created", "finished", "failed",
                    "lastError", "payload", "stack"}) {
                    if (job.containsKey(key)) env.out().println(key + ": " + job.get(key));
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "retry", description = "Dead-lettered jobs back to the queue, attempts reset.", mixinStandardHelpOptions = true)
    static final class Retry implements Callable<Integer> {
        @ParentCommand QueueCommand parent;
        @Parameters(index = "0", paramLabel = "QUEUE") String queue;
        @Parameters(index = "1", paramLabel = "JOB_ID", arity = "0..1") String id;
        @Option(names = "--all", description = "Every dead-lettered job of the queue.") boolean all;

        @Override
        public Integer call() {
            Environment env = parent.root.environment;
            if ((id == null) == !all) throw new UserError(ExitCodes.USAGE, "name a JOB_ID or pass --all");
            try (QueueInspector q = parent.open()) {
                int n = 0;
                for (String each : all ? q.dead(queue) : java.util.List.of(id)) if (q.retry(queue, each)) n++;
                if (!all && n == 0) throw new UserError(ExitCodes.FINDINGS, "job `" + id + "` is not dead-lettered in queue " + queue);
                env.err().println("✔ " + n + " job(s) back in " + queue);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "purge", description = "Deletes every dead-lettered job of the queue.", mixinStandardHelpOptions = true)
    static final class Purge implements Callable<Integer> {
        @ParentCommand QueueCommand parent;
        @Parameters(index = "0", paramLabel = "QUEUE") String queue;

        @Override
        public Integer call() {
            try (QueueInspector q = parent.open()) {
                parent.root.environment.err().println("✔ deleted " + q.purge(queue) + " dead-lettered job(s) of " + queue);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "pause", description = "Workers of the queue take no new jobs (within half a second; running ones finish); producers still add.",
            mixinStandardHelpOptions = true)
    static final class Pause implements Callable<Integer> {
        @ParentCommand QueueCommand parent;
        @Parameters(index = "0", paramLabel = "QUEUE") String queue;

        @Override
        public Integer call() {
            try (QueueInspector q = parent.open()) {
                boolean changed = q.pause(queue);
                parent.root.environment.err().println(changed ? "✔ " + queue + " paused; `dbtool queue resume " + queue + "` lets workers go on"
                        : queue + " was paused already");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "resume", description = "Workers of a paused queue take jobs again.", mixinStandardHelpOptions = true)
    static final class Resume implements Callable<Integer> {
        @ParentCommand QueueCommand parent;
        @Parameters(index = "0", paramLabel = "QUEUE") String queue;

        @Override
        public Integer call() {
            try (QueueInspector q = parent.open()) {
                boolean changed = q.resume(queue);
                parent.root.environment.err().println(changed ? "✔ " + queue + " resumed" : queue + " was not paused");
            }
            return ExitCodes.OK;
        }
    }
}
