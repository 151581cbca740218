package dev.dbtool.core.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diff's decisions that matter for data: what counts as loss, what a rename hint turns into, the order of steps. */
class SchemaDifferTest {
    static final String HEAD = "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n";

    static DbSchema state(String models) {
        LoadedSchema l = SchemaLoader.load("s.prisma", HEAD + models);
        assertFalse(l.hasErrors(), () -> l.diagnostics().toString());
        return PhysicalSchemaBuilder.build(l.schema());
    }

    static List<String> described(SchemaDiff d) { return d.changes().stream().map(SchemaChange::describe).toList(); }

    @Test
    void sameSchemaHasNoChanges() {
        DbSchema s = state("model A {\n  id Int @id\n  b  String @unique\n}\n");
        assertTrue(SchemaDiffer.diff(s, s, Renames.NONE).isEmpty());
    }

    @Test
    void mapKeepsTheColumnSoARenamedFieldIsNoChange() {
        DbSchema before = state("model A {\n  id   Int    @id\n  name String\n}\n");
        DbSchema after = state("model A {\n  id       Int    @id\n  fullName String @map(\"name\")\n}\n");
        assertTrue(SchemaDiffer.diff(before, after, Renames.NONE).isEmpty());
    }

    @Test
    void withoutAHintARenameIsADropAndAnAddThatLosesData() {
        DbSchema before = state("model A {\n  id   Int    @id\n  name String\n}\n");
        DbSchema after = state("model A {\n  id       Int    @id\n  fullName String\n}\n");
        SchemaDiff plain = SchemaDiffer.diff(before, after, Renames.NONE);
        assertEquals(List.of("drop column A.name"), plain.dataLoss().stream().map(SchemaChange::describe).toList());
        SchemaDiff hinted = SchemaDiffer.diff(before, after, new Renames(Map.of(), Map.of("A.name", "fullName")));
        assertEquals(List.of("rename column A.name to fullName"), described(hinted));
        assertTrue(hinted.dataLoss().isEmpty());
    }

    @Test
    void wideningIsLosslessNarrowingIsNot() {
        DbSchema small = state("model A {\n  id Int    @id\n  v  String @db.VarChar(10)\n  n  Int\n}\n");
        DbSchema big = state("model A {\n  id Int    @id\n  v  String @db.VarChar(20)\n  n  BigInt\n}\n");
        assertTrue(SchemaDiffer.diff(small, big, Renames.NONE).dataLoss().isEmpty());
        assertEquals(2, SchemaDiffer.diff(big, small, Renames.NONE).dataLoss().size());
    }

    @Test
    void enumValuesAddedInPlaceRemovedByARebuild() {
        DbSchema two = state("enum E {\n  A\n  C\n}\n\nmodel M {\n  id Int @id\n  e  E   @default(A)\n}\n");
        DbSchema three = state("enum E {\n  A\n  B\n  C\n}\n\nmodel M {\n  id Int @id\n  e  E   @default(A)\n}\n");
        SchemaDiff add = SchemaDiffer.diff(two, three, Renames.NONE);
        assertEquals(List.of("add value(s) [B] to enum E"), described(add));
        SchemaDiff remove = SchemaDiffer.diff(three, two, Renames.NONE);
        assertEquals(List.of("change enum E (drop value(s) [B])"), described(remove));
        assertEquals(1, remove.dataLoss().size());
        SchemaChange.RebuildEnum rebuild = (SchemaChange.RebuildEnum) remove.changes().get(0);
        assertEquals("e", rebuild.usages().get(0).column());
    }

    @Test
    void foreignKeysGoBeforeTheirTablesAndComeAfterThem() {
        DbSchema none = state("model A {\n  id Int @id\n}\n");
        DbSchema both = state("model A {\n  id Int @id\n  bs B[]\n}\n\nmodel B {\n  id  Int @id\n  aId Int\n  a   A   @relation(fields: [aId], references: [id])\n}\n");
        List<String> up = described(SchemaDiffer.diff(none, both, Renames.NONE));
        assertTrue(up.indexOf("create table B") < up.indexOf("add foreign key B_aId_fkey on B → A"), up.toString());
        List<String> down = described(SchemaDiffer.diff(both, none, Renames.NONE));
        assertTrue(down.indexOf("drop foreign key B_aId_fkey") < down.indexOf("drop table B"), down.toString());
        SchemaDiff d = SchemaDiffer.diff(none, both, Renames.NONE);
        assertEquals(described(SchemaDiffer.diff(both, none, Renames.NONE)).size(), d.rollback().size());
    }

    @Test
    void aJoinTableWhoseSidesSwapIsRebuiltNotReused() {
        DbSchema before = state("model Post {\n  id   Int   @id\n  tags Tag[] @relation(\"T\")\n}\n\nmodel Tag {\n  id    Int    @id\n  posts Post[] @relation(\"T\")\n}\n");
        DbSchema after = state("model Post {\n  id     Int     @id\n  labels Label[] @relation(\"T\")\n}\n\nmodel Label {\n  id    Int    @id\n  posts Post[] @relation(\"T\")\n}\n");
        SchemaDiff d = SchemaDiffer.diff(before, after, new Renames(Map.of("Tag", "Label"), Map.of()));
        List<String> steps = described(d);
        assertTrue(steps.contains("drop table _T") && steps.contains("create table _T"), steps.toString());
        assertTrue(steps.indexOf("drop table _T") < steps.indexOf("create table _T"), steps.toString());
        assertFalse(d.dataLoss().isEmpty(), "its pairs are lost: refused without --accept-data-loss");
    }
}
