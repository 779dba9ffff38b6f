package org.dialplane.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a Karaf features descriptor: features made of bundles ({@code mvn:} URLs with start levels) and of
 * other features. Only the parts Dialplane uses are read.
 */
public final class FeatureFile {

    /** A bundle of a feature: its {@code mvn:group/artifact/version} URL and start level. */
    public record BundleRef(String url, int startLevel) {
        /** The path of the jar in a Maven-layout repository. */
        public String repositoryPath() {
            String[] parts = url.substring("mvn:".length()).split("/");
            if (parts.length < 3) {
                throw new IllegalArgumentException("Not a mvn:group/artifact/version URL: " + url);
            }
            String group = parts[0].replace('.', '/');
            String artifact = parts[1];
            String version = parts[2];
            return group + "/" + artifact + "/" + version + "/" + artifact + "-" + version + ".jar";
        }
    }

    private record Feature(List<String> features, List<BundleRef> bundles) {
    }

    private final Map<String, Feature> features = new HashMap<>();

    private FeatureFile(Document document) {
        NodeList nodes = document.getDocumentElement().getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element feature && "feature".equals(feature.getLocalName())) {
                List<String> includes = new ArrayList<>();
                List<BundleRef> bundles = new ArrayList<>();
                for (Node child = feature.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element element) {
                        String text = element.getTextContent().trim();
                        if ("feature".equals(element.getLocalName())) {
                            includes.add(text);
                        } else if ("bundle".equals(element.getLocalName())) {
                            String level = element.getAttribute("start-level");
                            bundles.add(new BundleRef(text, level.isEmpty() ? 80 : Integer.parseInt(level)));
                        }
                    }
                }
                features.put(feature.getAttribute("name"), new Feature(includes, bundles));
            }
        }
    }

    public static FeatureFile read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static FeatureFile read(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new FeatureFile(factory.newDocumentBuilder().parse(in));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Cannot read the feature descriptor: " + e.getMessage(), e);
        }
    }

    /** Every bundle of the named features and the features they include, each once, in order. */
    public List<BundleRef> bundles(List<String> names) {
        Map<String, BundleRef> result = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            collect(name.trim(), seen, result);
        }
        return List.copyOf(result.values());
    }

    private void collect(String name, Set<String> seen, Map<String, BundleRef> result) {
        if (!seen.add(name)) {
            return;
        }
        Feature feature = features.get(name);
        if (feature == null) {
            throw new IllegalArgumentException("No feature named '" + name + "'; known: " + features.keySet());
        }
        for (String include : feature.features()) {
            collect(include, seen, result);
        }
        for (BundleRef bundle : feature.bundles()) {
            result.putIfAbsent(bundle.url(), bundle);
        }
    }
}
