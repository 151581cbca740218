package dev.dbtool.runtime;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Client-side defaults, as Prisma's client fills them: {@code uuid()} (v4), {@code cuid()} (v1 layout), {@code now()}. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger COUNTER = new AtomicInteger(RANDOM.nextInt(36 * 36 * 36 * 36));
    private static final String FINGERPRINT = pad(Long.toString(ProcessHandle.current().pid() % (36 * 36), 36), 2)
            + pad(Long.toString(Math.abs((long) hostname().hashCode()) % (36 * 36), 36), 2);

    private Ids() {}

    public static String uuid() { return UUID.randomUUID().toString(); }

    /** 'c', time, counter, host fingerprint, randomness: 25 characters, sortable by creation time within a process. */
    public static String cuid() {
        String time = Long.toString(System.currentTimeMillis(), 36);
        String count = pad(Integer.toString(COUNTER.getAndUpdate(n -> (n + 1) % (36 * 36 * 36 * 36)), 36), 4);
        String random = pad(Long.toString(Math.abs(RANDOM.nextLong() % (36L * 36 * 36 * 36 * 36 * 36 * 36 * 36)), 36), 8);
        return "c" + time + count + FINGERPRINT + random;
    }

    /** Now, at the millisecond precision of {@code timestamp(3)}. */
    public static Instant now() { return Instant.now().truncatedTo(ChronoUnit.MILLIS); }

    private static String pad(String s, int n) {
        String t = s.length() > n ? s.substring(s.length() - n) : s;
        return "0".repeat(n - t.length()) + t;
    }

    private static String hostname() {
        String h = System.getenv("HOSTNAME");
        return h == null ? "localhost" : h;
    }
}
