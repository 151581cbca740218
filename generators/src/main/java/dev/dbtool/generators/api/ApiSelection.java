package dev.dbtool.generators.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Which models are GraphQL types and which root fields exist: the project's {@code dbtool-api.json}, next to the
 * generated sources. {@code gql-type} and {@code gql-query} add to it; users may edit it (remove an entry, run
 * {@code gql-type} again). Written sorted, so it diffs well.
 */
public record ApiSelection(List<String> types, List<OperationSpec> operations, CacheSelection cache, QueueSelection queues) {
    public static final String FILE_NAME = "dbtool-api.json";
    public static final ApiSelection EMPTY = new ApiSelection(List.of(), List.of(), null, QueueSelection.NONE);

    /** {@code queue-job}'s producers and {@code queue-worker}'s workers, by job name. */
    public record QueueSelection(List<String> jobs, List<String> workers) {
        public static final QueueSelection NONE = new QueueSelection(List.of(), List.of());

        public QueueSelection {
            jobs = List.copyOf(new TreeSet<>(jobs));
            workers = List.copyOf(new TreeSet<>(workers));
        }
    }

    public ApiSelection(List<String> types, List<OperationSpec> operations, CacheSelection cache) { this(types, operations, cache, QueueSelection.NONE); }

    public ApiSelection withJob(String job, boolean worker) {
        List<String> jobs = new ArrayList<>(queues.jobs());
        if (!jobs.contains(job)) jobs.add(job);
        List<String> workers = new ArrayList<>(queues.workers());
        if (worker && !workers.contains(job)) workers.add(job);
        return new ApiSelection(types, operations, cache, new QueueSelection(jobs, workers));
    }

    /** {@code dbtool cache-setup}'s choices: every type ({@code all}) or the {@code @@cache} models; the cached root query fields. */
    public record CacheSelection(boolean all, List<String> queries) {
        public CacheSelection {
            queries = List.copyOf(new TreeSet<>(queries));
        }
    }

    public ApiSelection(List<String> types, List<OperationSpec> operations) { this(types, operations, null, QueueSelection.NONE); }

    public ApiSelection withCache(CacheSelection c) { return new ApiSelection(types, operations, c, queues); }
    private static final ObjectMapper JSON = new ObjectMapper();

    public ApiSelection {
        if (queues == null) queues = QueueSelection.NONE;
        types = List.copyOf(new TreeSet<>(types));
        List<OperationSpec> ops = new ArrayList<>(operations);
        ops.sort(Comparator.comparing(OperationSpec::name));
        operations = List.copyOf(ops);
    }

    public ApiSelection withType(String model) {
        List<String> t = new ArrayList<>(types);
        if (!t.contains(model)) t.add(model);
        return new ApiSelection(t, operations, cache, queues);
    }

    /** Adds (or replaces, by name) an operation, and its model's type. */
    public ApiSelection withOperation(OperationSpec op) {
        List<OperationSpec> ops = new ArrayList<>(operations.stream().filter(o -> !o.name().equals(op.name())).toList());
        ops.add(op);
        return new ApiSelection(types, ops, cache, queues).withType(op.model());
    }

    public static ApiSelection parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isObject()) throw new IOException("expected a JSON object with `types` and `operations`");
        List<String> types = new ArrayList<>();
        for (JsonNode t : root.path("types")) types.add(t.asText());
        List<OperationSpec> ops = new ArrayList<>();
        for (JsonNode o : root.path("operations")) {
            String kind = o.path("kind").asText();
            OperationKind k = OperationKind.parse(kind).orElseThrow(() -> new IOException("unknown operation kind `" + kind + "`"));
            if (!o.path("name").isTextual() || !o.path("model").isTextual()) throw new IOException("each operation needs `name`, `kind` and `model`");
            ops.add(new OperationSpec(o.get("name").asText(), k, o.get("model").asText()));
        }
        CacheSelection cache = null;
        JsonNode c = root.get("cache");
        if (c != null && c.isObject()) {
            List<String> queries = new ArrayList<>();
            for (JsonNode q : c.path("queries")) queries.add(q.asText());
            cache = new CacheSelection(c.path("all").asBoolean(false), queries);
        }
        QueueSelection queues = QueueSelection.NONE;
        JsonNode q = root.get("queues");
        if (q != null && q.isObject()) {
            List<String> jobs = new ArrayList<>();
            for (JsonNode j : q.path("jobs")) jobs.add(j.asText());
            List<String> workers = new ArrayList<>();
            for (JsonNode w : q.path("workers")) workers.add(w.asText());
            queues = new QueueSelection(jobs, workers);
        }
        return new ApiSelection(types, ops, cache, queues);
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode t = root.putArray("types");
        types.forEach(t::add);
        ArrayNode o = root.putArray("operations");
        for (OperationSpec op : operations) o.addObject().put("name", op.name()).put("kind", op.kind().id()).put("model", op.model());
        if (cache != null) {
            ObjectNode c = root.putObject("cache");
            c.put("all", cache.all());
            ArrayNode q = c.putArray("queries");
            cache.queries().forEach(q::add);
        }
        if (!queues.jobs().isEmpty()) {
            ObjectNode qn = root.putObject("queues");
            ArrayNode jobs = qn.putArray("jobs");
            queues.jobs().forEach(jobs::add);
            ArrayNode workers = qn.putArray("workers");
            queues.workers().forEach(workers::add);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
