package dev.dbtool.cli.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtool.cli.support.TestDatabases;
import dev.dbtool.core.diff.Renames;
import dev.dbtool.core.diff.SchemaChange;
import dev.dbtool.core.diff.SchemaDiff;
import dev.dbtool.core.diff.SchemaDiffer;
import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import dev.dbtool.core.physical.DbSchema;
import dev.dbtool.core.physical.PhysicalSchemaBuilder;
import dev.dbtool.database.migrate.Migrator;
import dev.dbtool.generators.liquibase.ChangeSetWriter;
import dev.dbtool.generators.liquibase.ChangelogFormat;
import dev.dbtool.generators.liquibase.MasterChangelog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One diff that holds every kind of change (before.prisma → after.prisma): its changeset in each format against a
 * golden file ({@code -Ddbtool.rewrite=true} rewrites them; review the diff), and its effect on PostgreSQL: forward
 * it gives the catalog a fresh migration of after.prisma gives, and rolled back the catalog of before.prisma.
 */
class ChangeKindsTest {
    static final Path DIR = Path.of("src/test/resources/changes/every-kind");
    static final Renames RENAMES = new Renames(Map.of("OldName", "NewName"), Map.of("User.nickname", "displayName"));

    static DbSchema state(String file) throws Exception {
        LoadedSchema l = SchemaLoader.load(DIR.resolve(file));
        assertFalse(l.hasErrors(), () -> l.diagnostics().toString());
        return PhysicalSchemaBuilder.build(l.schema());
    }

    @Test
    void coversEveryChangeKind() throws Exception {
        SchemaDiff diff = SchemaDiffer.diff(state("before.prisma"), state("after.prisma"), RENAMES);
        Set<String> kinds = diff.changes().stream().map(c -> c.getClass().getSimpleName()).collect(Collectors.toSet());
        for (String k : List.of("CreateSchema", "CreateEnum", "AddEnumValues", "RebuildEnum", "DropEnum", "CreateTable", "DropTable", "RenameTable",
                "AddColumn", "DropColumn", "RenameColumn", "AlterColumn", "RenameConstraint", "CreateIndex", "DropIndex", "RenameIndex",
                "AddForeignKey", "DropForeignKey", "AddCheck", "DropCheck")) {
            assertTrue(kinds.contains(k), "the diff has a " + k + ": " + kinds);
        }
        assertEquals(List.of("drop table Obsolete", "drop column User.legacy", "change enum Level (drop value(s) [MID])"),
                diff.dataLoss().stream().map(SchemaChange::describe).sorted((a, b) -> b.compareTo(a)).toList().stream().sorted(
                        java.util.Comparator.comparing((String s) -> !s.startsWith("drop table")).thenComparing(s -> !s.startsWith("drop column"))).toList());
    }

    @Test
    void goldenChangesetsInEveryFormat() throws Exception {
        SchemaDiff diff = SchemaDiffer.diff(state("before.prisma"), state("after.prisma"), RENAMES);
        for (ChangelogFormat format : ChangelogFormat.values()) {
            String path = "changes/20261125000000-every-kind." + format.extension();
            String text = ChangeSetWriter.write(diff, "20261125000000-every-kind", "golden", format, path);
            Path golden = DIR.resolve("expected." + format.extension());
            if (Boolean.getBoolean("dbtool.rewrite")) Files.writeString(golden, text);
            assertEquals(Files.readString(golden), text, "golden file " + golden);
        }
    }

    @Test
    void forwardGivesTheNewCatalogAndRollbackTheOld() throws Exception {
        DbSchema before = state("before.prisma");
        DbSchema after = state("after.prisma");
        List<String> expectedBefore = fresh(before, "kinds_before");
        List<String> expectedAfter = fresh(after, "kinds_after");
        for (ChangelogFormat format : ChangelogFormat.values()) {
            String db = TestDatabases.create("kinds_" + format);
            Path dir = Files.createTempDirectory("kinds");
            Path master = dir.resolve("changelog." + format.masterExtension());
            String masterText = MasterChangelog.empty(format);
            masterText = write(dir, masterText, format, "0001-before", SchemaDiffer.diff(DbSchema.EMPTY, before, Renames.NONE));
            masterText = write(dir, masterText, format, "0002-every-kind", SchemaDiffer.diff(before, after, RENAMES));
            Files.writeString(master, masterText);
            Migrator m = new Migrator(db, master);
            m.update("");
            assertEquals(String.join("\n", expectedAfter), String.join("\n", dump(db)), format + ": forward");
            m.rollback(2, ""); // the diff adds enum values: they commit in a changeset of their own, before the rest
            assertEquals(String.join("\n", expectedBefore), String.join("\n", dump(db)), format + ": rolled back");
        }
    }

    private static String write(Path dir, String master, ChangelogFormat format, String id, SchemaDiff diff) throws Exception {
        String path = "changes/" + id + "." + format.extension();
        Files.createDirectories(dir.resolve("changes"));
        Files.writeString(dir.resolve(path), ChangeSetWriter.write(diff, id, "test", format, path));
        return MasterChangelog.append(master, format, path);
    }

    private static List<String> fresh(DbSchema state, String name) throws Exception {
        String db = TestDatabases.create(name);
        TestDatabases.build(db, state);
        return dump(db);
    }

    static List<String> dump(String url) throws Exception { return TestDatabases.dump(url); }
}
