package dev.dbtool.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java snippet in {@code docs/} and the README is user code, so it must compile against the blog's generated API:
 * a whole class as it is, a method as a member of a class, statements as a method body. What a snippet uses without
 * declaring it is declared in an HTML comment right above the block ({@code <!-- given: User user; -->}), so the page
 * says what the reader is assumed to have.
 */
class DocsSnippetsTest {
    private static final Pattern BLOCK = Pattern.compile("(?:<!-- given: (.*?) -->\\s*\\n)?```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern METHOD = Pattern.compile("^(?:@\\w+\\s+)*(?:public |protected |private )?(?:static )?[\\w<>\\[\\], ?]+\\s+\\w+\\([^)]*\\)\\s*(?:throws [\\w., ]+)?\\s*\\{");
    private static final String IMPORTS = String.join("\n", "import com.example.blog.generated.*;", "import com.example.blog.jobs.*;", "import graphql.ExecutionResult;",
            "import java.sql.*;", "import java.time.*;", "import java.util.*;", "import javax.sql.DataSource;", "");

    record Snippet(Path file, int line, String given, String code) {}

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetCompiles() throws IOException {
        List<Snippet> snippets = new ArrayList<>();
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Paths.ROOT.resolve("docs"))) {
            walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        pages.add(Paths.ROOT.resolve("README.md"));
        for (Path page : pages) {
            String text = Files.readString(page);
            Matcher m = BLOCK.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start(2)).chars().filter(c -> c == '\n').count() + 1;
                snippets.add(new Snippet(page, line, m.group(1) == null ? "" : m.group(1), m.group(2)));
            }
        }
        assertTrue(snippets.size() >= 6, "the docs hold Java snippets: " + snippets.size());
        return snippets.stream().map(s -> DynamicTest.dynamicTest(Paths.ROOT.relativize(s.file()) + ":" + s.line(), () -> compile(s)));
    }

    private static void compile(Snippet s) {
        String name = "Snippet" + Math.abs((s.file().toString() + s.line()).hashCode());
        String pkg = "docs.snippets";
        String code = s.code().strip();
        String unit;
        if (code.matches("(?s)^(?:@\\w+\\s+)*(?:public |abstract |final )*(?:class|record|interface) .*")) {
            unit = "package " + pkg + ";\n" + IMPORTS + "import com.example.blog.api.*;\n" + code.replaceFirst("public (class|record|interface)", "$1") + "\n"
                    + "class " + name + " { " + s.given() + " }\n";
        } else if (METHOD.matcher(code).find()) {
            unit = "package " + pkg + ";\n" + IMPORTS + "abstract class " + name + " {\n" + s.given() + "\n" + code + "\n}\n";
        } else {
            unit = "package " + pkg + ";\n" + IMPORTS + "abstract class " + name + " {\n" + s.given() + "\nvoid snippet() throws Exception {\n" + code + "\n}\n}\n";
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path target = null;
        try {
            target = Files.createTempDirectory("snippet");
            JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) { return unit; }
            };
            boolean ok = javac.getTask(out, null, null, List.of("-classpath", classpath, "-d", target.toString(), "-proc:none", "-Xlint:none"), null,
                    List.of(source)).call();
            assertTrue(ok, Paths.ROOT.relativize(s.file()) + ":" + s.line() + ": the snippet does not compile:\n" + out + "\n--- as compiled ---\n" + unit);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
