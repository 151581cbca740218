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
    void refusesWhatIsNoCronExpression() {
        assertThrows(IllegalArgumentException.class, () -> Cron.parse("* * * *"));
        assertThrows(IllegalArgumentException.class, () -> Cron.parse("60 * * * *"));
        assertThrows(IllegalArgumentException.class, () -> Cron.parse("0 0 31 2 *").next(at("2026-01-01T00:00Z")), "never matches");
    }
}
