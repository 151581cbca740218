package dev.dbtool.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogDriftTest {
    @Test
    void spellingsWithTheSameEffectAreNoDrift() {
        List<String> handMade = List.of(
                "column public.t.at timestamp with time zone NOT NULL DEFAULT now()",
                "constraint public.t t_email_key UNIQUE (email)",
                "index public.t_email_key CREATE UNIQUE INDEX t_email_key ON public.t USING btree (email)");
        List<String> prisma = List.of(
                "column public.t.at timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP",
                "index public.t_email_key CREATE UNIQUE INDEX t_email_key ON public.t USING btree (email)");
        assertTrue(CatalogDrift.compare(handMade, prisma).isEmpty(), CatalogDrift.compare(handMade, prisma).toString());
    }

    @Test
    void realDifferencesStay() {
        CatalogDrift d = CatalogDrift.compare(List.of("column public.t.a integer", "index public.t_a_key CREATE UNIQUE INDEX t_a_key ON public.t USING btree (a)"),
                List.of("column public.t.a bigint"));
        assertEquals(1, d.changed().size());
        assertEquals(1, d.onlyInDatabase().size());
    }
}
