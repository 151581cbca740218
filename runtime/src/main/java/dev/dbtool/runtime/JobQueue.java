package dev.dbtool.runtime;

import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One queue on Redis. Ready jobs are entries of a stream read by the consumer group {@code workers} (XREADGROUP), so a
 * delivered job stays pending until it is acknowledged and XAUTOCLAIM hands it to another worker when its worker died
 * or hangs; delayed jobs and retries wait in a sorted set by due time; each job's state is a hash; every transition is
 * one Lua script, so no crash leaves a job half-moved. Keys share the hash tag {@code {prefix:q:name}}.
 */
public final class JobQueue {
    public static final String GROUP = "workers";
    private final QueueClient client;
    private final String prefix;
    private final String name;
    private final String tag;
    private final String type;

    /** An untyped queue: its entries carry no job type, and every entry is handed to the handler. */
    public JobQueue(QueueClient client, String prefix, String name) {
        this(client, prefix, name, null);
    }

    /**
     * A queue seen by one job type: jobs added here carry {@code type}, and a worker on it rejects (dead-letters) entries
     * of another type instead of decoding them as its own.
     */
    public JobQueue(QueueClient client, String prefix, String name, String type) {
        this(client, prefix, name, type, true);
    }

    /** {@code setUp}: create the consumer groups now (a handle only used to address another queue's keys skips it). */
    private JobQueue(QueueClient client, String prefix, String name, String type, boolean setUp) {
        this.client = client;
        this.prefix = prefix;
        this.name = name;
        this.tag = "{" + prefix + ":q:" + name + "}";
        this.type = type;
        if (setUp) ensureGroups();
    }

    /** Creates the streams' consumer group where it is missing: at start, and after Redis lost its data (NOGROUP). */
    void ensureGroups() {
        for (String stream : List.of(ready(), high())) {
            try {
                client.sync().xgroupCreate(XReadArgs.StreamOffset.from(stream, "0-0"), GROUP, XGroupCreateArgs.Builder.mkstream());
            } catch (RedisBusyException e) {
                // the group exists
            }
        }
        client.sync().sadd("{" + prefix + ":queues}", name);
    }

    /** Workers stop taking new jobs of this queue (within half a second; running ones finish); producers still add. */
    public void pause() { client.sync().set(tag + ":paused", Long.toString(System.currentTimeMillis()), io.lettuce.core.SetArgs.Builder.nx()); }

    public void resume() { client.sync().del(tag + ":paused"); }

    public boolean paused() { return client.sync().exists(tag + ":paused") == 1; }

    /**
     * A repeatable job: its cron expression, the zone it is read in, the payload of every job it makes, and their job
     * type (null on an untyped queue).
     */
    public record Schedule(String cron, java.time.ZoneId zone, String payload, String type) {}

    /**
     * Stores (or replaces) the schedule {@code name} in Redis: every worker of the queue adds one job per fire time from
     * now on, of this handle's job type, until {@link #unschedule}. Throws for a cron expression that does not parse.
     */
    public void schedule(String name, String cron, java.time.ZoneId zone, String payloadJson) {
        Cron.parse(cron);
        Map<String, String> s = new java.util.LinkedHashMap<>();
        s.put("cron", cron);
        s.put("zone", zone.getId());
        s.put("payload", payloadJson);
        if (type != null) s.put("type", type);
        try {
            client.sync().hset(tag + ":schedules", name, PayloadCodec.JSON.writeValueAsString(s));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Removes a schedule; false when there was none. Jobs already added for its next fire time still run. */
    public boolean unschedule(String name) { return client.sync().hdel(tag + ":schedules", name) == 1; }

    /** The stored schedules by name (one that no longer reads is left out). */
    public Map<String, Schedule> schedules() {
        Map<String, Schedule> out = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : client.sync().hgetall(tag + ":schedules").entrySet()) {
            try {
                Map<?, ?> s = PayloadCodec.JSON.readValue(e.getValue(), Map.class);
                out.put(e.getKey(), new Schedule(String.valueOf(s.get("cron")), java.time.ZoneId.of(String.valueOf(s.get("zone"))), String.valueOf(s.get("payload")),
                        s.get("type") == null ? null : String.valueOf(s.get("type"))));
            } catch (com.fasterxml.jackson.core.JsonProcessingException | java.time.DateTimeException e2) {
                // written by hand or by something else: not a schedule this worker can run
            }
        }
        return out;
    }

    /** The job type this queue object adds and accepts; null when untyped. */
    public String type() { return type; }

    /**
     * The same queue seen by the job type {@code jobType}: what it adds carries that type (a queue shared by several job
     * types is addressed this way; the consumer groups are this handle's).
     */
    public JobQueue as(String jobType) { return java.util.Objects.equals(jobType, type) ? this : new JobQueue(client, prefix, name, jobType, false); }

    public String name() { return name; }

    QueueClient client() { return client; }

    String ready() { return tag + ":ready"; }

    String high() { return tag + ":ready:high"; }

    String job(String id) { return tag + ":job:" + id; }

    /** The queue's event stream, trimmed to about {@value #EVENTS_KEPT} entries (see {@link QueueEvents}). */
    String events() { return tag + ":events"; }

    static final int EVENTS_KEPT = 10_000;

    /** Notices of finished flow children for their parents, delivered by this queue's workers ({@link #deliverFlowNotices}). */
    String notices() { return tag + ":flow-notices"; }

    String jobPrefix() { return tag + ":job:"; }

    /** Jobs with a priority, waiting for room: score = priority × 2³² + arrival. */
    String prioritized() { return tag + ":prioritized"; }

    private String tp(long now) { return tag + ":tp:" + (now / 10_000); }

    /** Adds a job; false when a job with this id is already retained (de-duplication). */
    public boolean add(String payload, JobOptions o, JobDefaults d) {
        String id = o.jobId() != null ? o.jobId() : UUID.randomUUID().toString();
        Long added = client.script(QueueScripts.ADD, ScriptOutputType.INTEGER, new String[] {job(id), ready(), tag + ":delayed", tag + ":stats", high(), events(), prioritized(), tag + ":pseq"},
                args(id, payload, o, d, ""));
        return added != null && added == 1;
    }

    /** Adds many jobs, 500 per script call (one round trip each); each result says whether its job was new. */
    public List<Boolean> addBulk(List<String> payloads, List<JobOptions> options, JobDefaults d) {
        List<Boolean> out = new ArrayList<>(payloads.size());
        for (int from = 0; from < payloads.size(); from += 500) {
            int to = Math.min(payloads.size(), from + 500);
            List<String> argv = new ArrayList<>(3 + 7 * (to - from));
            argv.add(Long.toString(System.currentTimeMillis()));
            argv.add(jobPrefix());
            argv.add(type == null ? "" : type);
            for (int i = from; i < to; i++) {
                JobOptions o = options.get(i);
                argv.add(o.jobId() != null ? o.jobId() : UUID.randomUUID().toString());
                argv.add(payloads.get(i));
                argv.add(Integer.toString(o.attempts() != null ? o.attempts() : d.attempts()));
                argv.add(d.backoff());
                argv.add(Long.toString(o.backoffDelay() != null ? o.backoffDelay().toMillis() : d.backoffDelayMs()));
                argv.add(Long.toString(o.delay().toMillis()));
                argv.add(Integer.toString(o.priority()));
            }
            List<Object> r = client.script(QueueScripts.ADD_MANY, ScriptOutputType.MULTI, new String[] {ready(), tag + ":delayed", tag + ":stats", high(), events(), prioritized(), tag + ":pseq"},
                    argv.toArray(String[]::new));
            for (Object each : r) out.add(Long.valueOf(1).equals(each));
        }
        return out;
    }

    private String[] args(String id, String payload, JobOptions o, JobDefaults d, String repeat) {
        int attempts = o.attempts() != null ? o.attempts() : d.attempts();
        long backoff = o.backoffDelay() != null ? o.backoffDelay().toMillis() : d.backoffDelayMs();
        return new String[] {id, payload, Integer.toString(attempts), d.backoff(), Long.toString(backoff), Long.toString(o.delay().toMillis()),
            Long.toString(System.currentTimeMillis()), Integer.toString(o.priority()), repeat, type == null ? "" : type, ""};
    }

    /** Adds a flow child: like {@link #add}, and its completion or death is reported to {@code parentRef}'s job. */
    boolean addChild(String payload, JobOptions o, JobDefaults d, String id, String parentRef) {
        String[] a = args(id, payload, o, d, "");
        a[a.length - 1] = parentRef;
        Long added = client.script(QueueScripts.ADD, ScriptOutputType.INTEGER, new String[] {job(id), ready(), tag + ":delayed", tag + ":stats", high(), events(),
            prioritized(), tag + ":pseq"}, a);
        return added != null && added == 1;
    }

    /** Adds a flow parent that waits for {@code children} children; false when the id exists. */
    boolean addParent(String id, String payload, JobOptions o, JobDefaults d, int children, Flow.OnChildFailure policy) {
        int attempts = o.attempts() != null ? o.attempts() : d.attempts();
        long backoff = o.backoffDelay() != null ? o.backoffDelay().toMillis() : d.backoffDelayMs();
        Long added = client.script(QueueScripts.ADD_PARENT, ScriptOutputType.INTEGER, parentKeys(id), id, payload, Integer.toString(attempts), d.backoff(),
                Long.toString(backoff), Long.toString(System.currentTimeMillis()), type == null ? "" : type, Integer.toString(children),
                policy == Flow.OnChildFailure.IGNORE ? "ignore" : "fail");
        return added != null && added == 1;
    }

    private String[] parentKeys(String id) {
        return new String[] {job(id), job(id) + ":children-done", job(id) + ":children-failed", ready(), tag + ":dead", tag + ":stats", events(),
            tag + ":waiting-children"};
    }

    /**
     * Delivers up to {@code limit} notices of this queue's finished flow children to their parents (on their own queues,
     * so on their own Cluster slots: a second step, idempotent, retried until it lands); returns how many.
     */
    int deliverFlowNotices(int limit) {
        List<String> notices = client.sync().srandmember(notices(), limit);
        for (String notice : notices) {
            try {
                var n = PayloadCodec.JSON.readTree(notice);
                var parent = PayloadCodec.JSON.readTree(n.path("p").asText());
                JobQueue parentQueue = new JobQueue(client, prefix, parent.path("q").asText(), null, false);
                client.script(QueueScripts.FLOW_CHILD, ScriptOutputType.INTEGER, parentQueue.parentKeys(parent.path("id").asText()),
                        name + ":" + n.path("c").asText(), n.path("o").asText(), Long.toString(System.currentTimeMillis()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // not a notice this engine wrote: dropped below
            }
            client.sync().srem(notices(), notice);
        }
        return notices.size();
    }

    /** Moves due delayed jobs and retries into the streams; returns how many. */
    public long promote(int limit) { return promote(limit, 0).due(); }

    /** What {@link #promote(int, int)} did: delayed jobs moved on, and prioritized jobs still waiting for room. */
    public record Promoted(long due, long prioritizedLeft) {}

    /**
     * Moves due delayed jobs and retries on, and up to {@code room} prioritized jobs (best first) into the stream workers
     * read first.
     */
    public Promoted promote(int limit, int room) {
        List<Object> r = client.script(QueueScripts.PROMOTE, ScriptOutputType.MULTI, new String[] {tag + ":delayed", ready(), high(), prioritized(), tag + ":pseq"},
                Long.toString(System.currentTimeMillis()), Integer.toString(limit), jobPrefix(), Integer.toString(room));
        return new Promoted(r.get(0) instanceof Long a ? a : 0, r.get(1) instanceof Long b ? b : 0);
    }

    /** Up to {@code count} new deliveries for {@code consumer}, high priority first, blocking up to {@code block}. */
    @SuppressWarnings("unchecked")
    public List<Delivery> read(QueueClient.Connection conn, String consumer, int count, Duration block) {
        Consumer<String> me = Consumer.from(GROUP, consumer);
        List<StreamMessage<String, String>> msgs = new ArrayList<>(conn.sync().xreadgroup(me, XReadArgs.Builder.count(count), XReadArgs.StreamOffset.lastConsumed(high())));
        if (msgs.size() < count) {
            msgs.addAll(conn.sync().xreadgroup(me, XReadArgs.Builder.count(count - msgs.size()).block(msgs.isEmpty() ? block.toMillis() : 1),
                    XReadArgs.StreamOffset.lastConsumed(ready())));
        }
        return deliveries(msgs);
    }

    /** Entries pending longer than {@code minIdle} (their worker died or hangs), now delivered to {@code consumer}. */
    public List<Delivery> reclaim(String consumer, Duration minIdle, int count) {
        List<StreamMessage<String, String>> msgs = new ArrayList<>();
        for (String stream : List.of(high(), ready())) {
            ClaimedMessages<String, String> claimed = client.sync().xautoclaim(stream,
                    XAutoClaimArgs.Builder.xautoclaim(Consumer.from(GROUP, consumer), minIdle, "0-0").count(count));
            msgs.addAll(claimed.getMessages());
        }
        List<Delivery> out = new ArrayList<>();
        for (Delivery d : deliveries(msgs)) {
            if (d.jobId() == null) {
                out.add(d); // garbage: the worker rejects it
                continue;
            }
            long stalls = client.sync().hincrby(job(d.jobId()), "stalls", 1);
            client.sync().xadd(events(), io.lettuce.core.XAddArgs.Builder.maxlen(EVENTS_KEPT).approximateTrimming(), "event", "stalled", "job", d.jobId(),
                    "stalls", Long.toString(stalls));
            java.util.Map<String, String> job = new java.util.HashMap<>(d.job());
            job.put("stalls", Long.toString(stalls));
            out.add(new Delivery(d.stream(), d.entry(), d.jobId(), job));
        }
        return out;
    }

    private List<Delivery> deliveries(List<StreamMessage<String, String>> msgs) {
        List<Delivery> out = new ArrayList<>();
        for (StreamMessage<String, String> m : msgs) {
            if (m.getBody() == null) continue; // deleted while pending: nothing to run, nothing to settle
            // an entry without a job id is still delivered, so the worker can reject it instead of leaving it pending forever
            out.add(new Delivery(m.getStream(), m.getId(), m.getBody().get("job"), m.getBody()));
        }
        return out;
    }

    /**
     * Dead-letters an entry no handler can run, with the reason, without retries; an entry without a job id is kept as
     * {@code entry:<stream entry id>}. False when it was settled elsewhere.
     */
    public boolean reject(Delivery d, String reason) {
        String id = d.jobId() != null ? d.jobId() : "entry:" + d.entry();
        String raw;
        try {
            raw = PayloadCodec.JSON.writeValueAsString(new java.util.TreeMap<>(d.job()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            raw = String.valueOf(d.job());
        }
        Long r = client.script(QueueScripts.REJECT, ScriptOutputType.INTEGER, new String[] {d.stream(), job(id), tag + ":dead", tag + ":stats", events(), notices()},
                d.entry(), id, Long.toString(System.currentTimeMillis()), reason, raw);
        return r != null && r == 1;
    }

    /** The handler succeeded; false when another worker already settled this delivery. */
    public boolean complete(Delivery d, int keepCount, Duration keepAge) { return completeAll(List.of(d), keepCount, keepAge) == 1; }

    /** Settles many successes in one round trip (group commit); returns how many were still open. */
    public long completeAll(List<Delivery> done, int keepCount, Duration keepAge) {
        if (done.isEmpty()) return 0;
        long now = System.currentTimeMillis();
        List<String> args = new ArrayList<>(4 + 4 * done.size());
        args.add(Long.toString(now));
        args.add(Integer.toString(keepCount));
        args.add(Long.toString(keepAge.toMillis()));
        args.add(jobPrefix());
        for (Delivery d : done) {
            args.add(d.stream());
            args.add(d.entry());
            args.add(d.jobId());
            args.add(d.job().getOrDefault("flow", "0")); // a flow child's completion is reported to its parent
        }
        Long n = client.script(QueueScripts.COMPLETE_MANY, ScriptOutputType.INTEGER, new String[] {tag + ":done", tag + ":stats", tp(now), events(), notices()}, args.toArray(String[]::new));
        return n == null ? 0 : n;
    }

    /** The handler failed: a retry after the returned delay (ms), -1 when dead-lettered, -2 when already settled elsewhere. */
    public long fail(Delivery d, Throwable error, int keepDead, Duration keepDeadAge) { return fail(d, error, keepDead, keepDeadAge, false); }

    /** Straight to the dead letters, attempts left or not (a job whose workers keep dying on it). */
    public long deadLetter(Delivery d, Throwable error, int keepDead, Duration keepDeadAge) { return fail(d, error, keepDead, keepDeadAge, true); }

    private long fail(Delivery d, Throwable error, int keepDead, Duration keepDeadAge, boolean force) {
        StringWriter stack = new StringWriter();
        error.printStackTrace(new PrintWriter(stack));
        String message = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        Long r = client.script(QueueScripts.FAIL, ScriptOutputType.INTEGER, new String[] {d.stream(), job(d.jobId()), tag + ":delayed", tag + ":dead", tag + ":stats", events(), notices()},
                d.entry(), d.jobId(), Long.toString(System.currentTimeMillis()), message, stack.toString(), Double.toString(ThreadLocalRandom.current().nextDouble()),
                Integer.toString(keepDead), Long.toString(keepDeadAge.toMillis()), jobPrefix(), force ? "1" : "0");
        return r == null ? -2 : r;
    }

    /** Back to the queue at once (graceful shutdown of a job that did not finish in time). */
    public boolean handBack(Delivery d) {
        Long r = client.script(QueueScripts.HAND_BACK, ScriptOutputType.INTEGER, new String[] {d.stream(), job(d.jobId())}, d.entry(), d.jobId());
        return r != null && r == 1;
    }

    /** Up to {@code wanted} permits of a rate limit of {@code limit} jobs per {@code window}. */
    public int take(int wanted, int limit, Duration window) {
        long slot = System.currentTimeMillis() / window.toMillis();
        Long n = client.script(QueueScripts.TAKE, ScriptOutputType.INTEGER, new String[] {tag + ":rl:" + slot}, Integer.toString(limit), Integer.toString(wanted),
                Long.toString(window.toMillis() * 2));
        return n == null ? 0 : n.intValue();
    }

    public void progress(String jobId, int percent) {
        client.script(QueueScripts.PROGRESS, ScriptOutputType.INTEGER, new String[] {job(jobId), events()}, jobId, Integer.toString(Math.max(0, Math.min(100, percent))));
    }

    public Map<String, String> inspect(String jobId) { return client.sync().hgetall(job(jobId)); }

    /** Dead-lettered job ids, oldest first. */
    public List<String> dead(int limit) { return client.sync().zrange(tag + ":dead", 0, limit - 1); }

    public boolean retryDead(String jobId) {
        Long r = client.script(QueueScripts.RETRY_DEAD, ScriptOutputType.INTEGER, new String[] {tag + ":dead", job(jobId), ready(), prioritized(), tag + ":pseq"}, jobId);
        return r != null && r == 1;
    }

    /** Deletes every dead-lettered job; returns how many. */
    public long purgeDead() {
        List<String> ids = client.sync().zrange(tag + ":dead", 0, -1);
        for (String id : ids) {
            client.sync().del(job(id));
            client.sync().zrem(tag + ":dead", id);
        }
        return ids.size();
    }

    public QueueStats stats() {
        var r = client.sync();
        long pending = 0;
        long waiting = 0;
        long oldest = 0;
        long now = System.currentTimeMillis();
        for (String stream : List.of(high(), ready())) {
            PendingMessages p = r.xpending(stream, GROUP);
            long streamPending = p == null ? 0 : p.getCount();
            pending += streamPending;
            waiting += Math.max(0, r.xlen(stream) - streamPending);
            String last = "0-0";
            for (var g : r.xinfoGroups(stream)) {
                List<?> fields = (List<?>) g;
                for (int i = 0; i + 1 < fields.size(); i += 2) if ("last-delivered-id".equals(String.valueOf(fields.get(i)))) last = String.valueOf(fields.get(i + 1));
            }
            List<StreamMessage<String, String>> next = r.xrange(stream, Range.from(Range.Boundary.excluding(last), Range.Boundary.unbounded()), io.lettuce.core.Limit.from(1));
            if (!next.isEmpty()) oldest = Math.max(oldest, now - Long.parseLong(next.get(0).getId().split("-")[0]));
        }
        Map<String, String> s = r.hgetall(tag + ":stats");
        long minute = 0;
        for (int i = 0; i < 6; i++) {
            String v = r.get(tag + ":tp:" + (now / 10_000 - i));
            if (v != null) minute += Long.parseLong(v);
        }
        waiting += r.zcard(prioritized());
        return new QueueStats(name, waiting, pending, r.zcard(tag + ":delayed"), Long.parseLong(s.getOrDefault("completed", "0")),
                Long.parseLong(s.getOrDefault("failed", "0")), r.zcard(tag + ":dead"), minute, oldest, Long.parseLong(s.getOrDefault("added", "0")),
                r.scard(tag + ":waiting-children"));
    }
}
