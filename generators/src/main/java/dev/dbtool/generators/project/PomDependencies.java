package dev.dbtool.generators.project;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The dependencies a pom declares directly ({@code project/dependencies}, not dependency management or profiles), as
 * {@code groupId:artifactId}; and which of those a generated project needs are missing. Transitive dependencies are
 * not resolved: a missing direct declaration is reported even when another dependency happens to bring the artifact.
 */
public final class PomDependencies {
    private PomDependencies() {}

    public static Set<String> declared(String pomXml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = f.newDocumentBuilder().parse(new InputSource(new StringReader(pomXml))).getDocumentElement();
            Set<String> out = new LinkedHashSet<>();
            for (Element deps : children(project, "dependencies")) {
                for (Element d : children(deps, "dependency")) out.add(text(d, "groupId") + ":" + text(d, "artifactId"));
            }
            return out;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a readable pom: " + e.getMessage(), e);
        }
    }

    /** The needed dependencies the pom does not declare. */
    public static List<Dependency> missing(String pomXml, List<Dependency> needed) throws IOException {
        Set<String> declared = declared(pomXml);
        return needed.stream().filter(d -> !declared.contains(d.key())).toList();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new java.util.ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) out.add(e);
        }
        return out;
    }

    private static String text(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? "" : c.get(0).getTextContent().trim();
    }
}
