package org.customerfacade.facade.drift;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares a provider response body with the spec's response schema of its operation and lists each
 * distinct departure.
 *
 * <p>The networknt validator checks types, formats, enums, lengths and required fields. The spec
 * allows additional properties on a customer for its {@code cf_} custom fields, which OpenAPI 3.0
 * cannot restrict by prefix, so this class reports every other undeclared field itself.
 */
final class DriftDetector {

  static final String MISSING_FIELD = "missing_field";
  static final String WRONG_TYPE = "wrong_type";
  static final String UNKNOWN_FIELD = "unknown_field";
  static final String BAD_ENUM = "bad_enum";
  static final String BAD_FORMAT = "bad_format";
  static final String UNREADABLE_BODY = "unreadable_body";

  private static final String CUSTOM_FIELD_PREFIX = "cf_";

  private static final Map<String, String> KINDS =
      Map.of("required", MISSING_FIELD, "type", WRONG_TYPE, "enum", BAD_ENUM, "format", BAD_FORMAT);

  private final ResponseSchemas schemas;
  private final JsonMapper json = JsonMapper.builder().build();

  DriftDetector(ResponseSchemas schemas) {
    this.schemas = schemas;
  }

  /** Returns the findings for a response body, none when it matches or the operation is unknown. */
  List<DriftFinding> findings(String operation, byte[] body) {
    Schema schema = schemas.schema(operation);
    JsonNode schemaNode = schemas.schemaNode(operation);
    if (schema == null || schemaNode == null) {
      return List.of();
    }

    JsonNode instance;
    try {
      instance = json.readTree(body);
    } catch (JacksonException unreadable) {
      return List.of(new DriftFinding(operation, "", UNREADABLE_BODY));
    }

    Set<DriftFinding> findings = new LinkedHashSet<>();
    for (Error error : schema.validate(instance)) {
      findings.add(fromError(operation, error));
    }
    collectUnknownFields(operation, schemaNode, instance, "", findings);
    return new ArrayList<>(findings);
  }

  private static DriftFinding fromError(String operation, Error error) {
    String kind = KINDS.getOrDefault(error.getKeyword(), error.getKeyword());
    String pointer = pointer(error.getInstanceLocation());
    if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
      pointer = pointer + "/" + escape(error.getProperty());
    }
    return new DriftFinding(operation, pointer, kind);
  }

  /** Walks the instance beside its schema and records fields that no schema declares. */
  private void collectUnknownFields(
      String operation, JsonNode schema, JsonNode instance, String pointer, Set<DriftFinding> out) {
    JsonNode resolved = schemas.resolve(schema);
    if (instance.isArray() && resolved.has("items")) {
      for (JsonNode element : instance) {
        collectUnknownFields(operation, resolved.get("items"), element, pointer + "/*", out);
      }
      return;
    }
    if (!instance.isObject() || !resolved.has("properties")) {
      return;
    }

    JsonNode properties = resolved.get("properties");
    for (String name : instance.propertyNames()) {
      String child = pointer + "/" + escape(name);
      if (properties.has(name)) {
        collectUnknownFields(operation, properties.get(name), instance.get(name), child, out);
      } else if (!name.startsWith(CUSTOM_FIELD_PREFIX)) {
        out.add(new DriftFinding(operation, child, UNKNOWN_FIELD));
      }
    }
  }

  /** Returns a JSON pointer for a validator path, with {@code *} for array positions. */
  private static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      pointer.append('/').append(element instanceof Integer ? "*" : escape(element.toString()));
    }
    return pointer.toString();
  }

  /** Escapes a name as a JSON pointer token (RFC 6901). */
  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
