package dev.dbtool.runtime;

import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sessions in Redis, the alternative to JWTs: {@code Authorization: Session <id>}. Ids are 32 bytes from a CSPRNG;
 * Redis only ever holds their SHA-256, so a leaked dump opens nothing. {@link #get} slides the TTL; {@link #revoke}
 * ends one session, {@link #revokeAll} every session of a subject.
 */
public final class SessionStore {
    private static final String GET = """
            local v = redis.call('GET', KEYS[1])
            if v then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return v""";
    private static final String CREATE = """
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('SADD', KEYS[2], ARGV[3])
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            return 1""";
    private static final String REVOKE_ALL = """
            local hashes = redis.call('SMEMBERS', KEYS[1])
            for _, h in ipairs(hashes) do redis.call('DEL', ARGV[1] .. h) end
            redis.call('DEL', KEYS[1])
            return #hashes""";

    private final RedisStore redis;
    private final String tag;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    public SessionStore(RedisStore redis, String prefix, Duration ttl) {
        this.redis = redis;
        this.tag = "{" + prefix + ":session}";
        this.ttl = ttl;
    }

    /** A new session for {@code subject} with {@code scopes}; returns the id to hand to the client (shown once). */
    public String create(String subject, Set<String> scopes) throws CacheUnavailable {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String hash = Hashes.sha256(id);
        String value = subject + "\n" + String.join(" ", scopes);
        redis.call(r -> CacheScripts.run(r, CREATE, ScriptOutputType.INTEGER, List.of(tag + ":" + hash, tag + ":user:" + subject),
                List.of(bytes(value), bytes(Long.toString(ttl.toMillis())), bytes(hash))));
        return id;
    }

    /** The session's principal, its TTL renewed; empty when unknown, expired or revoked. */
    public Optional<Principal> get(String id) throws CacheUnavailable {
        if (id == null || id.isBlank()) return Optional.empty();
        Object v = redis.call(r -> CacheScripts.run(r, GET, ScriptOutputType.VALUE, List.of(tag + ":" + Hashes.sha256(id)), List.of(bytes(Long.toString(ttl.toMillis())))));
        String text = CacheScripts.text(v);
        if (text == null) return Optional.empty();
        int nl = text.indexOf('\n');
        Set<String> scopes = new LinkedHashSet<>();
        for (String s : text.substring(nl + 1).split(" ")) if (!s.isEmpty()) scopes.add(s);
        return Optional.of(new Principal(text.substring(0, nl), scopes));
    }

    /** Renews the session's TTL without reading it; false when it is unknown, expired or revoked. */
    public boolean touch(String id) throws CacheUnavailable {
        Boolean renewed = redis.call(r -> r.pexpire(tag + ":" + Hashes.sha256(id), ttl.toMillis()));
        return Boolean.TRUE.equals(renewed);
    }

    public void revoke(String id) throws CacheUnavailable {
        redis.call(r -> r.del(tag + ":" + Hashes.sha256(id)));
    }

    /** Ends every session of {@code subject}; returns how many there were. */
    public long revokeAll(String subject) throws CacheUnavailable {
        Long n = redis.call(r -> CacheScripts.run(r, REVOKE_ALL, ScriptOutputType.INTEGER, List.of(tag + ":user:" + subject), List.of(bytes(tag + ":"))));
        return n == null ? 0 : n;
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
