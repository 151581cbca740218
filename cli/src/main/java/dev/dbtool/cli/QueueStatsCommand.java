package dev.dbtool.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "queue-stats",
        description = "The job queues' health: per queue waiting, active, delayed, completed, failed attempts, dead-lettered, completions in the last "
                + "minute and the oldest waiting job's age. Every queue the schema declares is listed (at zero before its first job), with any other "
                + "queue found in Redis. --watch repeats it; --serve PORT serves it as a small read-only web page with a JSON endpoint.",
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 done, 2 usage, 3 Redis cannot be reached.", "",
            "Examples:",
            "  dbtool queue-stats --url redis://localhost:6379",
            "  dbtool queue-stats --format json",
            "  dbtool queue-stats --serve 8089            # http://localhost:8089/ and /stats.json"})
final class QueueStatsCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    /** Where the declared queues come from; without --schema, the project's schema when there is one. */
    @picocli.CommandLine.Mixin SchemaOption schemaOption;

    @Option(names = "--url", paramLabel = "REDIS_URL", description = "Redis, e.g. redis://localhost:6379, rediss://… or redis-cluster://h1:6379,h2:6379. Default: $REDIS_URL, else redis://localhost:6379.")
    String url;

    @Option(names = "--prefix", defaultValue = "dbtool", description = "The key prefix the producers and workers use. Default: ${DEFAULT-VALUE}.")
    String prefix;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Report format. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--watch", description = "Print the report again every two seconds until interrupted.")
    boolean watch;

    @Option(names = "--serve", paramLabel = "PORT", description = "Serve the report over HTTP (read-only) until interrupted.")
    Integer serve;

    static String redisUrl(String option, Environment env) {
        if (option != null) return option;
        String v = env.variables().get("REDIS_URL");
        return v == null || v.isBlank() ? "redis://localhost:6379" : v;
    }

    @Override
    public Integer call() throws Exception {
        Environment env = root.environment;
        java.util.Set<String> declared = declared(env);
        try (QueueInspector q = open(redisUrl(url, env), prefix)) {
            if (serve != null) return serve(q, declared, env);
            do {
                List<QueueInspector.Stats> all = all(q, declared);
                if (format == OutputFormat.json) env.out().print(json(all));
                else env.out().print(text(all));
                env.out().flush();
                if (watch) Thread.sleep(2000);
            } while (watch);
        }
        return ExitCodes.OK;
    }

    static QueueInspector open(String url, String prefix) {
        try {
            QueueInspector q = new QueueInspector(url, prefix);
            q.queues();
            return q;
        } catch (RuntimeException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot reach Redis at " + url.replaceAll("//[^@/]*@", "//***@") + ": " + e.getMessage(), e);
        }
    }

    /**
     * The queues the schema's jobs declare: from --schema, else from the project's schema when one is found (a schema
     * with errors is reported and skipped: the numbers in Redis are still worth showing).
     */
    private java.util.Set<String> declared(Environment env) {
        boolean found = schemaOption.schema != null
                || dev.dbtool.core.load.SchemaLocator.locate(env.workingDirectory(), env.variables().get("DBTOOL_SCHEMA")).filter(java.nio.file.Files::exists).isPresent();
        if (!found) return java.util.Set.of();
        try {
            java.util.Set<String> names = new java.util.TreeSet<>();
            for (var job : LoadedProject.load(schemaOption, env).loaded().schema().jobs()) names.add(job.queue());
            return names;
        } catch (UserError e) {
            if (schemaOption.schema != null) throw e;
            env.err().println("note: the schema's queues are not listed: " + e.getMessage());
            return java.util.Set.of();
        }
    }

    private int serve(QueueInspector q, java.util.Set<String> declared, Environment env) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", serve), 16);
        server.createContext("/stats.json", ex -> respond(ex, "application/json", json(all(q, declared))));
        server.createContext("/", ex -> respond(ex, "text/html; charset=utf-8", html(all(q, declared))));
        server.start();
        env.err().println("queue stats on http://localhost:" + server.getAddress().getPort() + "/ (JSON: /stats.json); Ctrl-C stops");
        try {
            Thread.currentThread().join();
        } finally {
            server.stop(0);
        }
        return ExitCodes.OK;
    }

    /** Every declared queue and every queue Redis knows, by name. */
    private static synchronized List<QueueInspector.Stats> all(QueueInspector q, java.util.Set<String> declared) {
        java.util.Set<String> names = new java.util.TreeSet<>(declared);
        names.addAll(q.queues());
        List<QueueInspector.Stats> all = new ArrayList<>();
        for (String name : names) all.add(q.stats(name));
        return all;
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, String type, String body) throws IOException {
        if (!ex.getRequestMethod().equals("GET")) {
            ex.sendResponseHeaders(405, -1);
            ex.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String text(List<QueueInspector.Stats> all) {
        if (all.isEmpty()) return "No queues: the schema declares none (or none was found) and Redis holds none under this prefix.\n";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-24s %9s %7s %8s %10s %7s %6s %9s %12s%n", "queue", "waiting", "active", "delayed",
                "completed", "failed", "dead", "last min", "oldest wait"));
        for (QueueInspector.Stats s : all) {
            b.append(String.format(Locale.ROOT, "%-24s %9d %7d %8d %10d %7d %6d %9d %12s%n", s.paused() ? s.queue() + " (paused)" : s.queue(), s.waiting(), s.active(), s.delayed(), s.completed(), s.failed(),
                    s.dead(), s.lastMinute(), s.oldestWaitingMs() == 0 ? "-" : String.format(Locale.ROOT, "%.1f s", s.oldestWaitingMs() / 1000.0)));
        }
        return b.toString();
    }

    static String json(List<QueueInspector.Stats> all) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        ArrayNode queues = root.putArray("queues");
        for (QueueInspector.Stats s : all) {
            queues.addObject().put("queue", s.queue()).put("paused", s.paused()).put("waiting", s.waiting()).put("active", s.active()).put("delayed", s.delayed())
                    .put("completed", s.completed()).put("failed", s.failed()).put("dead", s.dead()).put("completedLastMinute", s.lastMinute())
                    .put("oldestWaitingMs", s.oldestWaitingMs()).put("waitingForChildren", s.waitingForChildren());
        }
        try {
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String html(List<QueueInspector.Stats> all) {
        StringBuilder rows = new StringBuilder();
        for (QueueInspector.Stats s : all) {
            rows.append("<tr><td>").append(escape(s.queue())).append(s.paused() ? " (paused)" : "").append("</td><td>").append(s.waiting()).append("</td><td>").append(s.active()).append("</td><td>")
                    .append(s.delayed()).append("</td><td>").append(s.completed()).append("</td><td>").append(s.failed()).append("</td><td>").append(s.dead())
                    .append("</td><td>").append(s.lastMinute()).append("</td><td>").append(s.oldestWaitingMs() / 1000.0).append(" s</td></tr>\n");
        }
        return "<!doctype html><html><head><meta charset=utf-8><meta http-equiv=refresh content=2><title>dbtool queues</title>"
                + "<style>body{font:14px system-ui;margin:2em}td,th{padding:.3em 1em;text-align:right}td:first-child,th:first-child{text-align:left}</style></head>"
                + "<body><h1>Queues</h1><table><tr><th>queue</th><th>waiting</th><th>active</th><th>delayed</th><th>completed</th><th>failed</th><th>dead</th>"
                + "<th>last minute</th><th>oldest wait</th></tr>\n" + rows + "</table><p>JSON: <a href=stats.json>/stats.json</a>. Read-only: use "
                + "<code>dbtool queue retry|purge|inspect</code> to change anything.</p></body></html>\n";
    }

    private static String escape(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }
}
