package dev.dbtool.runtime;

/**
 * The queue's atomic steps as Lua scripts. KEYS of one queue share its hash tag, so each script touches one Redis
 * Cluster slot. Stream entries carry the job id, payload and attempts so a delivery needs no second read. Key layout
 * (q = {prefix:q:name}): q:ready and q:ready:high (streams, consumer group "workers"),
 * q:delayed (zset id → due ms), q:job:<id> (hash), q:done and q:dead (zsets id → ms), q:stats (hash), q:tp:<10 s>
 * (throughput counters), q:rl:<window> (rate limit).
 */
final class QueueScripts {
    private QueueScripts() {}

    /**
     * A stream entry's fields from a job hash's payload, attempts, type and parent (HMGET in that order); a flow child's
     * entry carries {@code flow 1}, so settling looks its parent up only then.
     */
    /**
     * Retention of a set of finished jobs (completed or dead, scored by time): those older than {@code keepAgeMs} and the
     * oldest beyond {@code keepCount} leave the set, their hashes and flow bookkeeping deleted.
     */
    private static final String TRIM = """
            local function trim(set, now, keepAgeMs, keepCount, prefix)
              local old = redis.call('ZRANGEBYSCORE', set, '-inf', tonumber(now) - tonumber(keepAgeMs))
              local extra = redis.call('ZCARD', set) - tonumber(keepCount)
              if extra > 0 then
                for _, id in ipairs(redis.call('ZRANGE', set, 0, extra - 1)) do table.insert(old, id) end
              end
              for _, id in ipairs(old) do
                redis.call('ZREM', set, id)
                redis.call('DEL', prefix .. id, prefix .. id .. ':children-done', prefix .. id .. ':children-failed')
              end
            end
            """;

    private static final String ENTRY = """
            local function entry(id, f)
              local e = {'job', id, 'payload', f[1] or '', 'attempts', f[2] or '0', 'type', f[3] or ''}
              if f[4] and f[4] ~= '' then table.insert(e, 'flow'); table.insert(e, '1') end
              return e
            end
            """;

    /**
     * KEYS: job, ready, delayed, stats, high, events, prioritized, priority sequence. ARGV: id, payload, attempts, backoff,
     * backoffDelay, delay, now, priority, repeat, type (the job type's name, '' for untyped), parent (a flow child's parent,
     * as JSON {"q": queue, "id": id}; '' for none). 0 when the id exists. A job
     * with a priority waits in the prioritized set (score: priority, then arrival) until a worker has room for it.
     */
    static final String ADD = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'id', ARGV[1], 'payload', ARGV[2], 'max', ARGV[3], 'backoff', ARGV[4], 'backoffDelay', ARGV[5],
              'attempts', 0, 'stalls', 0, 'created', ARGV[7], 'priority', ARGV[8], 'repeat', ARGV[9], 'progress', 0, 'type', ARGV[10],
              'parent', ARGV[11] or '')
            if tonumber(ARGV[6]) > 0 then
              redis.call('HSET', KEYS[1], 'state', 'delayed')
              redis.call('ZADD', KEYS[3], tonumber(ARGV[7]) + tonumber(ARGV[6]), ARGV[1])
            elseif tonumber(ARGV[8]) > 0 then
              redis.call('HSET', KEYS[1], 'state', 'prioritized')
              redis.call('ZADD', KEYS[7], tonumber(ARGV[8]) * 4294967296 + redis.call('INCR', KEYS[8]) % 4294967296, ARGV[1])
            else
              redis.call('HSET', KEYS[1], 'state', 'waiting')
              local entry = {'job', ARGV[1], 'payload', ARGV[2], 'attempts', 0, 'type', ARGV[10]}
              if ARGV[11] and ARGV[11] ~= '' then table.insert(entry, 'flow'); table.insert(entry, '1') end
              redis.call('XADD', KEYS[2], '*', unpack(entry))
            end
            redis.call('HINCRBY', KEYS[4], 'added', 1)
            redis.call('XADD', KEYS[6], 'MAXLEN', '~', 10000, '*', 'event', 'added', 'job', ARGV[1], 'delay', ARGV[6])
            return 1""";

    /**
     * Many adds in one script (addBulk): KEYS: ready, delayed, stats, high, events, prioritized, priority sequence. ARGV: now,
     * job prefix, type, then per job id,
     * payload, attempts, backoff, backoffDelay, delay, priority. Returns 1 or 0 (duplicate) per job.
     */
    static final String ADD_MANY = """
            local out = {}
            local added = 0
            for i = 4, #ARGV, 7 do
              local id = ARGV[i]
              local key = ARGV[2] .. id
              if redis.call('EXISTS', key) == 1 then
                table.insert(out, 0)
              else
                redis.call('HSET', key, 'id', id, 'payload', ARGV[i + 1], 'max', ARGV[i + 2], 'backoff', ARGV[i + 3], 'backoffDelay', ARGV[i + 4],
                  'attempts', 0, 'stalls', 0, 'created', ARGV[1], 'priority', ARGV[i + 6], 'repeat', '', 'progress', 0, 'type', ARGV[3])
                if tonumber(ARGV[i + 5]) > 0 then
                  redis.call('HSET', key, 'state', 'delayed')
                  redis.call('ZADD', KEYS[2], tonumber(ARGV[1]) + tonumber(ARGV[i + 5]), id)
                elseif tonumber(ARGV[i + 6]) > 0 then
                  redis.call('HSET', key, 'state', 'prioritized')
                  redis.call('ZADD', KEYS[6], tonumber(ARGV[i + 6]) * 4294967296 + redis.call('INCR', KEYS[7]) % 4294967296, id)
                else
                  redis.call('HSET', key, 'state', 'waiting')
                  redis.call('XADD', KEYS[1], '*', 'job', id, 'payload', ARGV[i + 1], 'attempts', 0, 'type', ARGV[3])
                end
                added = added + 1
                redis.call('XADD', KEYS[5], 'MAXLEN', '~', 10000, '*', 'event', 'added', 'job', id, 'delay', ARGV[i + 5])
                table.insert(out, 1)
              end
            end
            redis.call('HINCRBY', KEYS[3], 'added', added)
            return out""";

    /**
     * Due delayed jobs (and retries) into the ready stream, or the prioritized set when they have a priority; then up to
     * ARGV[4] prioritized jobs, lowest priority number first (arrival order within one), into the high stream the
     * worker reads first. KEYS: delayed, ready, high, prioritized, priority sequence. ARGV: now, limit, job key prefix,
     * room (free slots of the calling worker). Returns {delayed jobs moved, prioritized jobs still waiting}.
     */
    static final String PROMOTE = ENTRY + """
            local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            for _, id in ipairs(ids) do
              redis.call('ZREM', KEYS[1], id)
              local prio = tonumber(redis.call('HGET', ARGV[3] .. id, 'priority') or '0')
              if prio > 0 then
                redis.call('ZADD', KEYS[4], prio * 4294967296 + redis.call('INCR', KEYS[5]) % 4294967296, id)
                redis.call('HSET', ARGV[3] .. id, 'state', 'prioritized')
              else
                local fields = redis.call('HMGET', ARGV[3] .. id, 'payload', 'attempts', 'type', 'parent')
                redis.call('XADD', KEYS[2], '*', unpack(entry(id, fields)))
                redis.call('HSET', ARGV[3] .. id, 'state', 'waiting')
              end
            end
            local room = tonumber(ARGV[4])
            if room > 0 then
              local next = redis.call('ZPOPMIN', KEYS[4], room)
              for i = 1, #next, 2 do
                local id = next[i]
                local fields = redis.call('HMGET', ARGV[3] .. id, 'payload', 'attempts', 'type', 'parent')
                if fields[1] then
                  redis.call('XADD', KEYS[3], '*', unpack(entry(id, fields)))
                  redis.call('HSET', ARGV[3] .. id, 'state', 'waiting')
                end
              end
            end
            return {#ids, redis.call('ZCARD', KEYS[4])}""";

    /**
     * Many handlers succeeded (group commit: one round trip for a batch). KEYS: done, stats, tp, events, flow notices (a
     * completed flow child leaves one there for its parent, delivered by a worker). ARGV: now, keepCount,
     * keepAgeMs, job prefix, then (stream, entry, id, flow: 1 for a flow child) per job. Returns how many were settled here.
     */
    static final String COMPLETE_MANY = TRIM + """
            local n = 0
            for i = 5, #ARGV, 4 do
              if redis.call('XACK', ARGV[i], 'workers', ARGV[i + 1]) == 1 then
                redis.call('XDEL', ARGV[i], ARGV[i + 1])
                redis.call('HSET', ARGV[4] .. ARGV[i + 2], 'state', 'completed', 'finished', ARGV[1], 'progress', 100)
                if ARGV[i + 3] == '1' then
                  local parent = redis.call('HGET', ARGV[4] .. ARGV[i + 2], 'parent')
                  if parent and parent ~= '' then redis.call('SADD', KEYS[5], cjson.encode({p = parent, c = ARGV[i + 2], o = 'ok'})) end
                end
                redis.call('ZADD', KEYS[1], tonumber(ARGV[1]), ARGV[i + 2])
                redis.call('XADD', KEYS[4], 'MAXLEN', '~', 10000, '*', 'event', 'completed', 'job', ARGV[i + 2])
                n = n + 1
              end
            end
            redis.call('HINCRBY', KEYS[2], 'completed', n)
            redis.call('INCRBY', KEYS[3], n)
            redis.call('PEXPIRE', KEYS[3], 120000)
            trim(KEYS[1], ARGV[1], ARGV[3], ARGV[2], ARGV[4])
            return n""";

    /**
     * A handler failed (or timed out). KEYS: stream, job, delayed, dead, stats, events, flow notices. ARGV: entry, id, now, error, stack, jitter
     * (0..1), keepDeadCount, keepDeadAgeMs, job prefix, force ('1': dead-letter now). Retries with backoff while attempts
     * remain, else the dead-letter set (trimmed by count and age). Returns the delay, or -1 for dead.
     */
    static final String FAIL = TRIM + """
            if redis.call('XACK', KEYS[1], 'workers', ARGV[1]) == 0 then return -2 end
            redis.call('XDEL', KEYS[1], ARGV[1])
            local attempts = redis.call('HINCRBY', KEYS[2], 'attempts', 1)
            local max = tonumber(redis.call('HGET', KEYS[2], 'max') or '1')
            redis.call('HSET', KEYS[2], 'lastError', ARGV[4], 'stack', ARGV[5], 'failed', ARGV[3])
            redis.call('HINCRBY', KEYS[5], 'failed', 1)
            if attempts < max and ARGV[10] ~= '1' then
              local base = tonumber(redis.call('HGET', KEYS[2], 'backoffDelay') or '1000')
              local wait = base
              if redis.call('HGET', KEYS[2], 'backoff') == 'exponential' then wait = base * (2 ^ (attempts - 1)) end
              wait = math.floor(wait + wait * 0.2 * tonumber(ARGV[6]))
              redis.call('ZADD', KEYS[3], tonumber(ARGV[3]) + wait, ARGV[2])
              redis.call('HSET', KEYS[2], 'state', 'delayed')
              redis.call('HINCRBY', KEYS[5], 'retried', 1)
              redis.call('XADD', KEYS[6], 'MAXLEN', '~', 10000, '*', 'event', 'retrying', 'job', ARGV[2], 'attempt', attempts, 'error', ARGV[4], 'delay', wait)
              return wait
            end
            redis.call('ZADD', KEYS[4], tonumber(ARGV[3]), ARGV[2])
            redis.call('HSET', KEYS[2], 'state', 'dead')
            redis.call('HINCRBY', KEYS[5], 'dead', 1)
            redis.call('XADD', KEYS[6], 'MAXLEN', '~', 10000, '*', 'event', 'dead', 'job', ARGV[2], 'attempt', attempts, 'error', ARGV[4])
            local parent = redis.call('HGET', KEYS[2], 'parent')
            if parent and parent ~= '' then redis.call('SADD', KEYS[7], cjson.encode({p = parent, c = ARGV[2], o = 'dead'})) end
            trim(KEYS[4], ARGV[3], ARGV[8], ARGV[7], ARGV[9])
            return -1""";

    /** A job back to the queue at once (shutdown, or a rate limit hit). KEYS: stream, job. ARGV: entry, id. */
    static final String HAND_BACK = ENTRY + """
            if redis.call('XACK', KEYS[1], 'workers', ARGV[1]) == 0 then return 0 end
            redis.call('XDEL', KEYS[1], ARGV[1])
            local fields = redis.call('HMGET', KEYS[2], 'payload', 'attempts', 'type', 'parent')
            redis.call('XADD', KEYS[1], '*', unpack(entry(ARGV[2], fields)))
            redis.call('HSET', KEYS[2], 'state', 'waiting')
            return 1""";

    /** Takes up to ARGV[2] permits of a fixed window: KEYS[1] the window's counter, ARGV[1] the limit, ARGV[3] the window ms. */
    static final String TAKE = """
            local used = tonumber(redis.call('GET', KEYS[1]) or '0')
            local free = tonumber(ARGV[1]) - used
            if free <= 0 then return 0 end
            local n = math.min(free, tonumber(ARGV[2]))
            redis.call('INCRBY', KEYS[1], n)
            redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
            return n""";

    /** A dead job back to the queue, its attempts reset. KEYS: dead, job, ready, prioritized, priority sequence. ARGV: id. */
    static final String RETRY_DEAD = ENTRY + """
            if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[2], 'attempts', 0, 'stalls', 0)
            local prio = tonumber(redis.call('HGET', KEYS[2], 'priority') or '0')
            if prio > 0 then
              redis.call('HSET', KEYS[2], 'state', 'prioritized')
              redis.call('ZADD', KEYS[4], prio * 4294967296 + redis.call('INCR', KEYS[5]) % 4294967296, ARGV[1])
            else
              redis.call('HSET', KEYS[2], 'state', 'waiting')
              local fields = redis.call('HMGET', KEYS[2], 'payload', 'attempts', 'type', 'parent')
              fields[2] = '0'
              redis.call('XADD', KEYS[3], '*', unpack(entry(ARGV[1], fields)))
            end
            return 1""";

    /**
     * An entry no worker can run (no job id, a payload that does not decode or validate, another job type): straight to
     * the dead letters with the reason, never retried. KEYS: stream, job, dead, stats, events, flow notices. ARGV: entry, id,
     * now, reason, the
     * raw entry (kept as the payload when the job has none). 0 when already settled elsewhere.
     */
    static final String REJECT = """
            if redis.call('XACK', KEYS[1], 'workers', ARGV[1]) == 0 then return 0 end
            redis.call('XDEL', KEYS[1], ARGV[1])
            if redis.call('HEXISTS', KEYS[2], 'payload') == 0 then redis.call('HSET', KEYS[2], 'id', ARGV[2], 'payload', ARGV[5]) end
            redis.call('HSET', KEYS[2], 'state', 'dead', 'lastError', ARGV[4], 'failed', ARGV[3])
            redis.call('ZADD', KEYS[3], tonumber(ARGV[3]), ARGV[2])
            redis.call('HINCRBY', KEYS[4], 'dead', 1)
            redis.call('HINCRBY', KEYS[4], 'rejected', 1)
            local parent = redis.call('HGET', KEYS[2], 'parent')
            if parent and parent ~= '' then redis.call('SADD', KEYS[6], cjson.encode({p = parent, c = ARGV[2], o = 'dead'})) end
            redis.call('XADD', KEYS[5], 'MAXLEN', '~', 10000, '*', 'event', 'rejected', 'job', ARGV[2], 'error', ARGV[4])
            return 1""";

    /** A handler's progress: KEYS: job, events. ARGV: id, percent. */
    static final String PROGRESS = """
            redis.call('HSET', KEYS[1], 'progress', ARGV[2])
            redis.call('XADD', KEYS[2], 'MAXLEN', '~', 10000, '*', 'event', 'progress', 'job', ARGV[1], 'progress', ARGV[2])
            return 1""";

    /**
     * A flow parent's release, shared by its add and by each child's notice. KEYS: parent job, its children-done set, its
     * children-failed set, ready, dead, stats, events, the queue's waiting parents. The parent waits (state
     * {@code waiting-children}, and in the waiting parents' set) until as many
     * children completed as it has; a failed child dead-letters it unless its policy is {@code ignore} (then the child
     * counts as done).
     */
    private static final String FLOW_SETTLE = """
            local function settle(now)
              if redis.call('HGET', KEYS[1], 'state') ~= 'waiting-children' then return 0 end
              local id = redis.call('HGET', KEYS[1], 'id')
              local failed = redis.call('SCARD', KEYS[3])
              local ignore = redis.call('HGET', KEYS[1], 'policy') == 'ignore'
              if failed > 0 and not ignore then
                local child = redis.call('SRANDMEMBER', KEYS[3])
                redis.call('HSET', KEYS[1], 'state', 'dead', 'lastError', 'a child job failed: ' .. child, 'failed', now)
                redis.call('ZADD', KEYS[5], tonumber(now), id)
                redis.call('HINCRBY', KEYS[6], 'dead', 1)
                redis.call('XADD', KEYS[7], 'MAXLEN', '~', 10000, '*', 'event', 'dead', 'job', id, 'error', 'a child job failed: ' .. child)
                redis.call('SREM', KEYS[8], id)
                return -1
              end
              local done = redis.call('SCARD', KEYS[2])
              if ignore then done = done + failed end
              if done < tonumber(redis.call('HGET', KEYS[1], 'children') or '0') then return 0 end
              local fields = redis.call('HMGET', KEYS[1], 'payload', 'attempts', 'type')
              redis.call('XADD', KEYS[4], '*', 'job', id, 'payload', fields[1], 'attempts', fields[2] or '0', 'type', fields[3] or '')
              redis.call('HSET', KEYS[1], 'state', 'waiting')
              redis.call('SREM', KEYS[8], id)
              return 1
            end
            """;

    /**
     * A flow's parent: added after its children, waiting for them. KEYS as {@link #FLOW_SETTLE}. ARGV: id, payload,
     * attempts, backoff, backoffDelay, now, type, children, policy. 0 when the id exists.
     */
    static final String ADD_PARENT = FLOW_SETTLE + """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], 'id', ARGV[1], 'payload', ARGV[2], 'max', ARGV[3], 'backoff', ARGV[4], 'backoffDelay', ARGV[5],
              'attempts', 0, 'stalls', 0, 'created', ARGV[6], 'priority', 0, 'repeat', '', 'progress', 0, 'type', ARGV[7], 'parent', '',
              'state', 'waiting-children', 'children', ARGV[8], 'policy', ARGV[9])
            redis.call('HINCRBY', KEYS[6], 'added', 1)
            redis.call('SADD', KEYS[8], ARGV[1])
            redis.call('XADD', KEYS[7], 'MAXLEN', '~', 10000, '*', 'event', 'added', 'job', ARGV[1], 'children', ARGV[8])
            settle(ARGV[6])
            return 1""";

    /**
     * A child's notice reaches its parent (idempotent: a set records each child once). KEYS as {@link #FLOW_SETTLE}.
     * ARGV: child (queue:id), outcome ('ok' or 'dead'), now.
     */
    static final String FLOW_CHILD = FLOW_SETTLE + """
            if ARGV[2] == 'ok' then redis.call('SADD', KEYS[2], ARGV[1]) else redis.call('SADD', KEYS[3], ARGV[1]) end
            return settle(ARGV[3])""";
}
