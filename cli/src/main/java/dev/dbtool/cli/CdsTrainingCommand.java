package dev.dbtool.cli;

import dev.dbtool.core.diagnostics.DiagnosticRenderer;
import dev.dbtool.core.format.FileFormatter;
import dev.dbtool.core.load.LoadedSchema;
import dev.dbtool.core.load.SchemaLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Hidden: the launcher runs this once under {@code -XX:ArchiveClassesAtExit} so the class-data-sharing archive
 * holds the classes a typical command loads (parser, validator, formatter, renderer, picocli's help). It only
 * touches in-memory text and prints nothing.
 */
@Command(name = "__cds-training", hidden = true)
final class CdsTrainingCommand implements Callable<Integer> {
    @ParentCommand DbtoolCommand root;

    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String good = StarterSchema.text() + "\nenum Role {\n  A\n}\n\nmodel Post {\n  id Int @id\n  author User @relation(fields: [authorId], "
                + "references: [id], onDelete: Cascade)\n  authorId Int\n  tags String[] @default([])\n  @@index([authorId(sort: Desc)], where: \"x\")\n"
                + "  @@cache(ttl: 5)\n}\n\njob J {\n  a String @validate(email)\n  @@queue(\"q\")\n}\n";
        String bad = "model X {\n  id Strin @id @default(uuid())\n  y Int @unknown\n}\n";
        LoadedSchema ok = SchemaLoader.load("training.prisma", good.replace("email     String   @unique", "email String @unique\n  posts Post[]"));
        LoadedSchema ko = SchemaLoader.load("training.prisma", bad);
        DiagnosticRenderer r = new DiagnosticRenderer(false);
        StringBuilder sink = new StringBuilder();
        ok.diagnostics().forEach(d -> sink.append(r.render(d)));
        ko.diagnostics().forEach(d -> sink.append(r.render(d)));
        sink.append(DiagnosticsReport.json(ko.diagnostics(), java.util.List.of("training.prisma")));
        sink.append(FileFormatter.format(ok.ast().files().get(0).source()).formatted());
        sink.append(spec.root().commandLine().getUsageMessage());
        for (CommandLine sub : spec.root().commandLine().getSubcommands().values()) sink.append(sub.getUsageMessage());
        return sink.length() > 0 ? ExitCodes.OK : ExitCodes.INTERNAL;
    }
}
