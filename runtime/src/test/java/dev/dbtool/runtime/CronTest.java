package dev.dbtool.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronTest {
    private static ZonedDateTime at(String iso) { return ZonedDateTime.parse(iso); }

    @Test
    void stepsRangesListsAndTheVixieDayRule() {
        assertEquals(at("2026-11-30T10:15Z"), Cron.parse("*/15 * * * *").next(at("2026-11-30T10:00:30Z")));
        assertEquals(at("2026-12-01T09:00Z"), Cron.parse("0 9 * * 1-5").next(at("2026-11-30T09:00Z")), "Monday 9:00 is not after itself: Tuesday");
        assertEquals(at("2026-12-05T00:00Z"), Cron.parse("0 0 * * 6,7").next(at("2026-11-30T12:00Z")), "7 is Sunday too; Saturday comes first");
        // day of month and day of week both restricted: either matches (the 1st, or a Friday)
        assertEquals(at("2026-12-01T00:00Z"), Cron.parse("0 0 1 * 5").next(at("2026-11-28T00:00Z")));
        assertEquals(at("2026-12-04T00:00Z"), Cron.parse("0 0 1 * 5").next(at("2026-12-01T00:00Z")));
        assertEquals(at("2027-02-28T23:59Z"), Cron.parse("59 23 28 2 *").next(at("2026-03-01T00:00Z")));
        assertEquals(at("2026-11-30T10:00Z"), Cron.parse("0 * * * *").next(at("2026-11-30T11:00+02:00")), "computed in UTC");
    }

    @Test
    void secondsAndTimeZones() {
        assertEquals(at("2026-11-30T10:00:02Z"), Cron.parse("*/2 * * * * *").next(at("2026-11-30T10:00:00.500Z")));
        assertEquals(at("2026-11-30T10:01:30Z"), Cron.parse("30 * * * * *").next(at("2026-11-30T10:00:30Z")));
        java.time.ZoneId kolkata = java.time.ZoneId.of("Asia/Kolkata");
        assertEquals(at("2026-12-01T09:00+05:30[Asia/Kolkata]"), Cron.parse("0 9 * * *").next(at("2026-11-30T04:00Z"), kolkata),
                "9:00 in Kolkata is 03:30 UTC: already past on the 30th");
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        // 2026-03-29: 02:00 does not exist in Berlin (clocks jump to 03:00); 2026-10-25: 02:30 happens twice
        assertEquals(at("2026-03-29T03:30+02:00[Europe/Berlin]"), Cron.parse("30 2 * * *").next(at("2026-03-29T00:00Z"), berlin), "the gap: right after it");
        ZonedDateTime first = Cron.parse("30 2 * * *").next(at("2026-10-25T00:00Z"), berlin);
        assertEquals(at("2026-10-25T02:30+02:00[Europe/Berlin]"), first, "the overlap: the earlier instant");
        assertEquals(at("2026-10-26T02:30+01:00[Europe/Berlin]"), Cron.parse("30 2 * * *").next(first, berlin), "and only once");
    }

    @Test
    void refusesWhatIsNoCronExpression() {
        assertThrows(IllegalArgumentException.class, () -> Cron.parse("* * * *"));
        assertThrows(IllegalArgumentException.class, () -> Cron.parse("* * * * * * *"));
        assertThrows(IllegalArgumentException.class, () -> Cron.parse("60 * * * * *"));
        assertThrows(IllegalArgumentException.class, () -> Cron.parse("60 * * * *"));
        assertThrows(IllegalArgumentException.class, () -> Cron.parse("0 0 31 2 *").next(at("2026-01-01T00:00Z")), "never matches");
    }
}
