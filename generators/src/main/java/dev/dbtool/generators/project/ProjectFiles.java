package dev.dbtool.generators.project;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build files {@code dbtool init --api} writes next to the schema, from the FreeMarker templates in
 * {@code templates/project}: a Maven pom that pins what the generated code needs and builds one runnable jar, a README
 * with the commands, a {@code .gitignore}. Pure: text in, text out.
 */
public final class ProjectFiles {
    private static final Configuration FREEMARKER = configuration();

    /** What the templates need: Maven coordinates, the main class, and where the schema and the generated sources are. */
    public record Project(String groupId, String artifactId, String mainClass, String schemaFile, String output) {}

    private ProjectFiles() {}

    /** A Maven artifact id from a folder name: lower case letters, digits and dashes; {@code app} when nothing is left. */
    public static String artifactId(String folderName) {
        String a = folderName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return a.isEmpty() || !Character.isLetter(a.charAt(0)) ? "app" + (a.isEmpty() ? "" : "-" + a) : a;
    }

    public static String pom(Project p) { return render("pom.xml.ftl", p); }

    public static String readme(Project p) { return render("README.md.ftl", p); }

    public static String gitignore(Project p) { return render("gitignore.ftl", p); }

    private static String render(String template, Project p) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("groupId", p.groupId());
        model.put("artifactId", p.artifactId());
        model.put("mainClass", p.mainClass());
        model.put("schemaFile", p.schemaFile());
        model.put("output", p.output());
        model.put("dbtoolVersion", ProjectDependencies.version("dbtool"));
        model.put("javaRelease", ProjectDependencies.version("java.release"));
        List<Map<String, String>> deps = ProjectDependencies.all().stream().map(d -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("groupId", d.groupId());
            m.put("artifactId", d.artifactId());
            m.put("version", d.version());
            m.put("scope", d.scope() == null ? "" : d.scope());
            return m;
        }).toList();
        model.put("dependencies", deps);
        Map<String, String> plugins = new LinkedHashMap<>();
        for (String name : List.of("clean", "resources", "compiler", "surefire", "jar", "install", "shade")) plugins.put(name, ProjectDependencies.version("plugin." + name));
        model.put("plugins", plugins);
        try {
            StringWriter out = new StringWriter();
            FREEMARKER.getTemplate(template).process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("the built-in template " + template + " failed", e);
        }
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(ProjectFiles.class, "/templates/project");
        c.setDefaultEncoding("UTF-8");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWhitespaceStripping(true);
        return c;
    }
}
