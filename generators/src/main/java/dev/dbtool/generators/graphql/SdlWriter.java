package dev.dbtool.generators.graphql;

import dev.dbtool.generators.api.ApiSchema;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/** The GraphQL SDL of the generated API ({@code schema.graphql}), from the FreeMarker template {@code templates/graphql}. */
public final class SdlWriter {
    private static final Configuration FREEMARKER = configuration();

    private SdlWriter() {}

    public static String write(ApiSchema api) {
        try {
            Template t = FREEMARKER.getTemplate("schema.graphql.ftl");
            StringWriter out = new StringWriter();
            t.process(Map.of("sdl", SdlModel.of(api)), out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("the built-in SDL template failed", e);
        }
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(SdlWriter.class, "/templates/graphql");
        c.setDefaultEncoding("UTF-8");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWhitespaceStripping(true);
        return c;
    }
}
