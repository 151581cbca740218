package dev.dbtool.generators.liquibase;

/**
 * The master changelog: one include per changeset file, in order. New includes are appended to the existing
 * text, so hand edits of the master (reordering, contexts, preconditions) survive.
 */
public final class MasterChangelog {
    private MasterChangelog() {}

    public static String empty(ChangelogFormat format) {
        return format == ChangelogFormat.XML
                ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
                + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                + "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog "
                + "http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n"
                + "</databaseChangeLog>\n"
                : "# Written by dbtool; `dbtool schema` appends one include per changeset.\ndatabaseChangeLog:\n";
    }

    /** The master text with an include of {@code relativePath} (relative to the master) appended. */
    public static String append(String master, ChangelogFormat format, String relativePath) {
        if (format == ChangelogFormat.XML) {
            int end = master.lastIndexOf("</databaseChangeLog>");
            if (end < 0) throw new IllegalArgumentException("the master changelog has no </databaseChangeLog>");
            return master.substring(0, end) + "    <include file=\"" + relativePath + "\" relativeToChangelogFile=\"true\"/>\n"
                    + master.substring(end);
        }
        String base = master.endsWith("\n") ? master : master + "\n";
        return base + "- include:\n    file: " + relativePath + "\n    relativeToChangelogFile: true\n";
    }
}
