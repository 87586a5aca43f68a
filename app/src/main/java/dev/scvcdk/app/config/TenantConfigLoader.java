package dev.scvcdk.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

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
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidTenantConfigException(source, List.of(
                    "not valid JSON" + where + ": " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new InvalidTenantConfigException(source, List.of(
                    "the file must hold one JSON object with the tenant's fields, found "
                            + (root == null || root.isMissingNode() ? "nothing" : describe(root))));
        }

        List<String> problems = new ArrayList<>();
        Set<String> reportedPaths = new LinkedHashSet<>();
        ObjectNode tree = root.deepCopy();
        checkObject(tree, TenantConfig.class, "", problems, reportedPaths);

        TenantConfig config;
        try {
            config = MAPPER.treeToValue(tree, TenantConfig.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // The tree walk above removes every field Jackson could not bind, so this is a defect, not bad input.
            throw new IllegalStateException("tenant config tree did not bind after checks: " + e.getMessage(), e);
        }
        for (String problem : TenantConfigValidator.validate(config)) {
            // A field already reported with a wrong type was removed from the tree: skip its "missing" echo.
            if (!reportedPaths.contains(fieldOf(problem))) {
                problems.add(problem);
            }
        }
        String samlXml = null;
        String samlFile = config.samlMetadataFile();
        if (samlFile != null && !samlFile.isBlank()) {
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

    /**
     * Checks an object node against a record's components: reports and removes unknown fields and values of
     * the wrong JSON type, so that what remains binds and the validator can report the rest.
     */
    private static void checkObject(ObjectNode node, Class<?> recordType, String path, List<String> problems,
                                    Set<String> reportedPaths) {
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        Arrays.stream(recordType.getRecordComponents()).forEach(c -> components.put(c.getName(), c));
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            RecordComponent component = components.get(field.getKey());
            if (component == null) {
                problems.add(fieldPath + " = " + field.getValue() + ": unknown field; the fields of "
                        + (path.isEmpty() ? "a tenant config" : path) + " are " + String.join(", ", components.keySet()));
                reportedPaths.add(fieldPath);
                it.remove();
            } else if (!checkValue(field.getValue(), component.getGenericType(), fieldPath, problems, reportedPaths)) {
                it.remove();
            }
        }
    }

    /** Returns false when the value has the wrong type (reported) and must be dropped. */
    private static boolean checkValue(JsonNode value, Type type, String path, List<String> problems,
                                      Set<String> reportedPaths) {
        if (value.isNull()) {
            return true;
        }
        if (type == String.class) {
            return expect(value.isTextual(), value, path, "a JSON string (in quotes)", problems, reportedPaths);
        }
        if (type == Boolean.class) {
            return expect(value.isBoolean(), value, path, "true or false", problems, reportedPaths);
        }
        if (type instanceof Class<?> recordType && recordType.isRecord()) {
            if (!expect(value.isObject(), value, path, "a JSON object", problems, reportedPaths)) {
                return false;
            }
            checkObject((ObjectNode) value, recordType, path, problems, reportedPaths);
            return true;
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            if (!expect(value.isArray(), value, path, "a JSON list [...]", problems, reportedPaths)) {
                return false;
            }
            ArrayNode array = (ArrayNode) value;
            Type element = list.getActualTypeArguments()[0];
            for (int i = array.size() - 1; i >= 0; i--) {
                String elementPath = path + "[" + i + "]";
                JsonNode item = array.get(i);
                if (item.isNull()) {
                    problems.add(elementPath + " is null: must be a JSON object");
                    reportedPaths.add(elementPath);
                    array.remove(i);
                } else if (!checkValue(item, element, elementPath, problems, reportedPaths)) {
                    array.remove(i);
                }
            }
            return true;
        }
        throw new IllegalStateException("no JSON check for " + type + " at " + path);
    }

    private static boolean expect(boolean ok, JsonNode value, String path, String expected, List<String> problems,
                                  Set<String> reportedPaths) {
        if (!ok) {
            problems.add(path + " = " + value + ": must be " + expected + ", found " + describe(value));
            reportedPaths.add(path);
        }
        return ok;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** The JSON path a validator message starts with ("contactCenters[1].region = ..."). */
    private static String fieldOf(String problem) {
        int end = problem.indexOf(' ');
        return end < 0 ? problem : problem.substring(0, end);
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
