package dev.scvcdk.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.scvcdk.policies.config.InvalidTenantConfigException;
import dev.scvcdk.policies.config.TenantConfig;
import dev.scvcdk.policies.config.TenantConfigValidator;

/**
 * Reads a tenant config JSON file into {@link TenantConfig} and checks it completely: JSON syntax, unknown
 * fields and wrong types at every level, every {@link TenantConfigValidator} rule, and the SAML metadata file
 * it names. All problems are reported together in one {@link InvalidTenantConfigException} whose message
 * starts with the file's path.
 */
public final class TenantConfigLoader {

    /** Classpath folder of the embedded example tenant (the repository's {@code config/}). */
    static final String EMBEDDED_FOLDER = "/config/";
    static final String EMBEDDED_CONFIG = "tenant.example.json";

    /** IAM's bounds for a SAML metadata document. */
    private static final int SAML_MIN_LENGTH = 1000;
    private static final int SAML_MAX_LENGTH = 10_000_000;

    private TenantConfigLoader() {
    }

    /** Loads the config file; its {@code samlMetadataFile} is resolved against the file's directory. */
    public static LoadedTenantConfig load(Path configFile) {
        Path file = configFile.toAbsolutePath().normalize();
        String source = file.toString();
        if (!Files.exists(file)) {
            throw new InvalidTenantConfigException(source, List.of(source + " does not exist"));
        }
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidTenantConfigException(source, List.of(source + " cannot be read: " + e.getMessage()));
        }
        Path folder = file.getParent();
        return parse(source, json, name -> {
            Path saml = folder.resolve(name).normalize();
            if (!Files.isRegularFile(saml)) {
                return Resolved.missing(saml.toString());
            }
            try {
                return new Resolved(saml.toString(), Files.readString(saml, StandardCharsets.UTF_8), null);
            } catch (IOException e) {
                // Unreadable or not UTF-8 (MalformedInputException): say so rather than "does not exist".
                return new Resolved(saml.toString(), null, "cannot be read as UTF-8 text: " + e);
            }
        });
    }

    /** Loads the example tenant packaged in the app jar: the default when context {@code scv:config} is unset. */
    public static LoadedTenantConfig loadEmbedded() {
        String source = "classpath:" + EMBEDDED_FOLDER + EMBEDDED_CONFIG;
        String json = readResource(EMBEDDED_FOLDER + EMBEDDED_CONFIG);
        if (json == null) {
            throw new InvalidTenantConfigException(source, List.of(source + " does not exist"));
        }
        return parse(source, json, name -> {
            String location = "classpath:" + EMBEDDED_FOLDER + name;
            String content = readResource(EMBEDDED_FOLDER + name);
            return content == null ? Resolved.missing(location) : new Resolved(location, content, null);
        });
    }

    /**
     * A SAML metadata file looked up by name: where it was looked for, and its content, or null with the
     * problem (relative to the location) when there is none.
     */
    record Resolved(String location, String content, String problem) {
        static Resolved missing(String location) {
            return new Resolved(location, null,
                    "does not exist (the path is relative to the config file's directory)");
        }
    }

    interface SamlResolver {
        Resolved resolve(String samlMetadataFile);
    }

    static LoadedTenantConfig parse(String source, String json, SamlResolver samlResolver) {
        List<String> problems = new ArrayList<>();
        ObjectNode tree = JsonRecordCheck.parseObject(json, "the tenant's fields", problems);
        if (tree == null) {
            throw new InvalidTenantConfigException(source, problems);
        }
        Set<String> reportedPaths = new LinkedHashSet<>();
        JsonRecordCheck.checkObject(tree, TenantConfig.class, "a tenant config", problems, reportedPaths);

        TenantConfig config;
        try {
            config = JsonRecordCheck.MAPPER.treeToValue(tree, TenantConfig.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // The tree walk above removes every field Jackson could not bind, so this is a defect, not bad input.
            throw new IllegalStateException("tenant config tree did not bind after checks: " + e.getMessage(), e);
        }
        for (String problem : TenantConfigValidator.validate(config)) {
            if (!JsonRecordCheck.alreadyReported(problem, reportedPaths)) {
                problems.add(problem);
            }
        }
        String samlXml = null;
        String samlFile = config.samlMetadataFile();
        String samlRule = "the org's SAML metadata XML file, a path relative to the config file";
        if (samlFile == null) {
            String missing = "samlMetadataFile is missing: required, " + samlRule;
            if (!JsonRecordCheck.alreadyReported(missing, reportedPaths)) {
                problems.add(missing);
            }
        } else if (samlFile.isBlank()) {
            problems.add("samlMetadataFile = \"" + samlFile + "\": must name " + samlRule);
        } else {
            Resolved saml = samlResolver.resolve(samlFile);
            if (saml.content() == null) {
                problems.add("samlMetadataFile = \"" + samlFile + "\": " + saml.location() + " " + saml.problem());
            } else {
                checkSamlMetadata(samlFile, saml.content(), problems);
                samlXml = saml.content();
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTenantConfigException(source, problems);
        }
        return new LoadedTenantConfig(config, samlXml, source);
    }

    private static void checkSamlMetadata(String name, String xml, List<String> problems) {
        String field = "samlMetadataFile = \"" + name + "\": ";
        if (xml.length() < SAML_MIN_LENGTH || xml.length() > SAML_MAX_LENGTH) {
            problems.add(field + "the document has " + xml.length() + " characters; IAM accepts SAML metadata of "
                    + SAML_MIN_LENGTH + " to " + SAML_MAX_LENGTH + " characters");
            return;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // The file is input: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Element rootElement = builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
            if (!"EntityDescriptor".equals(rootElement.getLocalName())
                    || !"urn:oasis:names:tc:SAML:2.0:metadata".equals(rootElement.getNamespaceURI())) {
                problems.add(field + "must be SAML 2.0 metadata: the root element must be md:EntityDescriptor "
                        + "(urn:oasis:names:tc:SAML:2.0:metadata), found " + rootElement.getTagName());
            }
        } catch (Exception e) {
            problems.add(field + "must be a well-formed XML SAML metadata document: " + e.getMessage());
        }
    }

    private static String readResource(String name) {
        try (InputStream in = TenantConfigLoader.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
