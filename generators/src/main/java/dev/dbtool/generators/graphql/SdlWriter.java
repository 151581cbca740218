package dev.dbtool.generators.graphql;

import dev.dbtool.generators.api.ApiModelException;
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

    /**
     * The SDL from the user's Mustache template ({@code templates/schema.graphql.mustache} of the generator block)
     * when one is given, else from the built-in FreeMarker template; both render the same {@link SdlModel}.
     */
    public static String write(ApiSchema api, String mustacheTemplate) {
        if (mustacheTemplate == null) return write(api);
        com.github.mustachejava.Mustache m = new com.github.mustachejava.DefaultMustacheFactory() {
            @Override
            public void encode(String value, java.io.Writer writer) {
                // SDL, not HTML: values are written as they are
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }.compile(new java.io.StringReader(mustacheTemplate), JavaSettings_SDL_TEMPLATE);
        StringWriter out = new StringWriter();
        m.execute(out, Map.of("sdl", plain(SdlModel.of(api))));
        return out.toString();
    }

    /** Records as maps of their components (what Mustache's reflection reads reliably), lists element by element. */
    static Object plain(Object value) {
        if (value instanceof Record r) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    out.put(c.getName(), plain(c.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
        if (value instanceof java.util.List<?> list) return list.stream().map(SdlWriter::plain).toList();
        return value;
    }

    private static final String JavaSettings_SDL_TEMPLATE = dev.dbtool.generators.api.JavaSettings.SDL_TEMPLATE;

    /** The SDL from the built-in template; refuses one that would define a name twice (see {@link SdlNameClashes}). */
    public static String write(ApiSchema api) { return checked(render(api)); }

    /** {@code sdl}, unless it defines a name twice. */
    public static String checked(String sdl) {
        String twice = SdlNameClashes.duplicate(sdl);
        // SdlNameClashes renames what it can before generation; this is the net under it
        if (twice != null) throw new ApiModelException("the GraphQL name `" + twice + "` is defined twice; leave one of the models or enums it comes from out of the API");
        return sdl;
    }

    static String render(ApiSchema api) {
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
