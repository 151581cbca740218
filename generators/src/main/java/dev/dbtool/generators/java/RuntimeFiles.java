package dev.dbtool.generators.java;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The model-independent support classes of the generated API (JDBC binding, filters, paging, errors, validation,
 * secrets, JWT, limits, HTTP). They are plain Java kept as resources and copied into the generated package, so they
 * compile and are tested as the code users get; only the model-dependent classes are built with JavaPoet.
 */
final class RuntimeFiles {
    static final List<String> NAMES = List.of("ApiConfig", "ApiException", "ApiServer", "Auth", "Batches", "Column", "Cursors", "Database",
            "DatabaseUrls", "DbEnum", "DocumentCache", "ErrorHandler", "Filter", "GraphQLHttpServer", "Ids", "Inputs", "Jdbc", "JwtAuthenticator", "KeyRing", "Limits",
            "ListQuery", "OrderBy", "Page", "PageRequest", "PasswordHasher", "Principal", "Rows", "Scalars", "SqlFilter", "Validation", "Value", "Writes");

    private RuntimeFiles() {}

    static List<GeneratedFile> all(String generatedPackage, String header) {
        List<GeneratedFile> out = new ArrayList<>();
        for (String name : NAMES) {
            String text = resource(name).replace("package __PACKAGE__;", "package " + generatedPackage + ";");
            out.add(new GeneratedFile(generatedPackage.replace('.', '/') + "/" + name + ".java", header + text, false));
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = RuntimeFiles.class.getResourceAsStream("runtime/" + name + ".java.tmpl")) {
            if (in == null) throw new IllegalStateException("missing runtime template " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
