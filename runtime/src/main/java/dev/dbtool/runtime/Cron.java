package dev.dbtool.runtime;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * Cron expressions: five fields (minute hour day-of-month month day-of-week) or six with seconds first, with {@code *},
 * lists, ranges and steps ({@code *}{@code /15}, {@code 1-5}, {@code 0,30}), matched in a time zone (UTC unless given).
 * Day-of-month and day-of-week both restricted: either may match, as in Vixie cron. Across a daylight-saving change
 * a time that does not exist fires at the first instant after the gap, and a time that happens twice fires once.
 */
public final class Cron {
    private final BitSet seconds;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean anyDay;
    private final boolean anyWeekday;
    private final String text;

    private Cron(String text) {
        String[] all = text.trim().split("\\s+");
        if (all.length != 5 && all.length != 6) {
            throw new IllegalArgumentException("a cron expression has five fields (minute hour day month weekday), or six with seconds first: " + text);
        }
        String[] f = all.length == 6 ? java.util.Arrays.copyOfRange(all, 1, 6) : all;
        this.text = text;
        seconds = all.length == 6 ? field(all[0], 0, 59) : field("0", 0, 59);
        minutes = field(f[0], 0, 59);
        hours = field(f[1], 0, 23);
        days = field(f[2], 1, 31);
        months = field(f[3], 1, 12);
        BitSet w = field(f[4].replace("7", "0"), 0, 6);
        weekdays = w;
        anyDay = f[2].equals("*");
        anyWeekday = f[4].equals("*");
    }

    public static Cron parse(String text) { return new Cron(text); }

    /** The first time strictly after {@code after} that matches in UTC. */
    public ZonedDateTime next(ZonedDateTime after) { return next(after, ZoneOffset.UTC); }

    /** The first time strictly after {@code after} that matches in {@code zone}, in that zone. */
    public ZonedDateTime next(ZonedDateTime after, ZoneId zone) {
        LocalDateTime t = after.withZoneSameInstant(zone).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        for (int guard = 0; guard < 2_000_000; guard++) {
            if (!months.get(t.getMonthValue())) {
                t = t.plusMonths(1).withDayOfMonth(1).withHour(0).withMinute(0).withSecond(0);
                continue;
            }
            if (!dayMatches(t)) {
                t = t.plusDays(1).withHour(0).withMinute(0).withSecond(0);
                continue;
            }
            if (!hours.get(t.getHour())) {
                t = t.plusHours(1).withMinute(0).withSecond(0);
                continue;
            }
            if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1).withSecond(0);
                continue;
            }
            if (!seconds.get(t.getSecond())) {
                t = t.plusSeconds(1);
                continue;
            }
            // a local time in a daylight-saving gap moves past it; of a repeated one, the earlier instant is taken
            ZonedDateTime at = ZonedDateTime.ofLocal(t, zone, null);
            if (at.toInstant().isAfter(after.toInstant())) return at;
            t = t.plusSeconds(1);
        }
        throw new IllegalArgumentException("the cron expression never matches: " + text);
    }

    private boolean dayMatches(LocalDateTime t) {
        boolean day = days.get(t.getDayOfMonth());
        boolean weekday = weekdays.get(t.getDayOfWeek().getValue() % 7);
        if (anyDay && anyWeekday) return true;
        if (anyDay) return weekday;
        if (anyWeekday) return day;
        return day || weekday;
    }

    private static BitSet field(String spec, int min, int max) {
        BitSet out = new BitSet();
        for (String part : spec.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(part.substring(slash + 1));
                range = part.substring(0, slash);
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max;
            } else if (range.contains("-")) {
                String[] ab = range.split("-");
                lo = Integer.parseInt(ab[0]);
                hi = Integer.parseInt(ab[1]);
            } else {
                lo = Integer.parseInt(range);
                hi = slash >= 0 ? max : lo;
            }
            if (lo < min || hi > max || lo > hi || step < 1) throw new IllegalArgumentException("cron field `" + spec + "` is outside " + min + "-" + max);
            for (int v = lo; v <= hi; v += step) out.set(v);
        }
        return out;
    }

    @Override public String toString() { return text; }
}
