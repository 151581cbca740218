package dev.dbtool.cli.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.Environment;
import dev.dbtool.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** queue-job, queue-worker and queue as a user runs them (their runtime is exercised by the blog example's tests). */
class QueueCommandsTest {
    @TempDir Path dir;

    record Result(int code, String out, String err) {}

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(dir, new HashMap<>(java.util.Map.of("USER", "tester")), new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(Main.run(env, args), out.toString(), err.toString());
    }

    static final String SCHEMA = """
            generator java {
              provider = "dbtool-java"
              package  = "com.acme.mail"
            }

            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            job SendReceipt {
              orderId Int
              to      String @validate(email)

              @@queue("receipts")
              @@retry(attempts: 3, backoff: exponential, delay: 500)
            }
            """;

    Path generated(String name) { return dir.resolve("src/main/java/com/acme/mail/generated/" + name); }

    @Test
    void generatesProducerThenWorkerAndTheTablesChangesetOnce() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), SCHEMA);
        Result job = run("queue-job", "SendReceipt");
        assertEquals(0, job.code, job.err);
        assertTrue(Files.exists(generated("SendReceiptProducer.java")) && Files.exists(generated("JobQueue.java")));
        assertFalse(Files.exists(generated("SendReceiptWorker.java")), "the worker comes with queue-worker");
        assertFalse(Files.exists(generated("Api.java")), "no GraphQL API without types");
        assertTrue(Files.exists(generated("Validation.java")), "payload validation has its rules");
        Path changeset = dir.resolve("migrations/changes/dbtool-job-queue-tables.yaml");
        assertTrue(Files.readString(changeset).contains("CREATE TABLE \"dbtool_job_outbox\""));
        Result worker = run("queue-worker", "SendReceipt");
        assertEquals(0, worker.code, worker.err);
        assertTrue(Files.exists(generated("SendReceiptWorker.java")));
        assertTrue(Files.exists(dir.resolve("src/main/java/com/acme/mail/jobs/SendReceiptJob.java")));
        String master = Files.readString(dir.resolve("migrations/changelog.yaml"));
        assertEquals(1, master.split("dbtool-job-queue-tables", -1).length - 1, "included once: " + master);
        assertTrue(Files.readString(dir.resolve("dbtool-api.json")).contains("\"workers\" : [ \"SendReceipt\" ]"));
        assertTrue(Files.readString(generated("SendReceiptProducer.java")).contains("new JobDefaults(3, \"exponential\", 500L"));
    }

    @Test
    void queueStatsListsTheSchemasQueuesBeforeTheirFirstJob() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), SCHEMA.replace("job SendReceipt {", """
                job Nightly {
                  day String

                  @@queue("nightly")
                }

                job SendReceipt {"""));
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
        server.start();
        try {
            Result stats = run("queue-stats", "--url", "redis://127.0.0.1:" + port, "--prefix", "empty");
            assertEquals(0, stats.code, stats.err);
            assertTrue(stats.out.lines().anyMatch(l -> l.matches("nightly\\s+0\\s+0\\s+0\\s+0\\s+0\\s+0\\s+0\\s+-")), stats.out);
            assertTrue(stats.out.lines().anyMatch(l -> l.startsWith("receipts ")), stats.out);
            Result json = run("queue-stats", "--url", "redis://127.0.0.1:" + port, "--prefix", "empty", "--format", "json");
            assertTrue(json.out.contains("\"queue\" : \"nightly\"") && json.out.contains("\"queue\" : \"receipts\""), json.out);
            Files.writeString(dir.resolve("schema.prisma"), "model {");
            Result broken = run("queue-stats", "--url", "redis://127.0.0.1:" + port, "--prefix", "empty");
            assertEquals(0, broken.code, "the numbers in Redis are still shown");
            assertTrue(broken.err.contains("the schema's queues are not listed"), broken.err);
            assertEquals(1, run("queue-stats", "--url", "redis://127.0.0.1:" + port, "--schema", "schema.prisma").code, "a schema asked for must be valid");
        } finally {
            server.stop();
        }
    }

    @Test
    void clearErrors() throws Exception {
        Files.writeString(dir.resolve("schema.prisma"), SCHEMA);
        Result unknown = run("queue-job", "SendReciept");
        assertEquals(1, unknown.code);
        assertTrue(unknown.err.contains("there is no job `SendReciept` in the schema (did you mean `SendReceipt`?)"), unknown.err);
        assertEquals(2, run("queue").code, "a subcommand is needed");
        Result down = run("queue", "inspect", "receipts", "x", "--url", "redis://127.0.0.1:1");
        assertEquals(3, down.code);
        assertTrue(down.err.contains("cannot reach Redis"), down.err);
        assertTrue(run("queue-stats", "--help").out.contains("dbtool queue-stats --serve 8089"));
    }
}
