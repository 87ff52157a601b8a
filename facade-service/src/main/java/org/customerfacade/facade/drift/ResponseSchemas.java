package org.customerfacade.facade.drift;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.OpenApi30;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The success response schema of each Customer API operation, read from the spec on the classpath.
 *
 * <p>The spec marks the fields that the provider generates ({@code id}, {@code public_id}, the
 * timestamps) as {@code readOnly} without listing them as {@code required}, because a create
 * request leaves them out. Every stored customer that the provider returns has them, so the
 * response schemas here require each {@code readOnly} property.
 */
final class ResponseSchemas {

  /** Classpath location of the spec, which the api-spec module provides. */
  static final String SPEC = "openapi/customer-api.yaml";

  private static final String JSON_SCHEMA = "/content/application~1json/schema";

  /** Operation name to the pointer of its success response in the spec. */
  private static final Map<String, String> RESPONSES =
      Map.of(
          "retrieve", "/paths/~1customer~1{id}/get/responses/200",
          "update", "/paths/~1customer~1{id}/put/responses/200",
          "find", "/paths/~1customer/get/responses/200",
          "create", "/paths/~1customer/post/responses/201");

  private final JsonNode components;
  private final Map<String, JsonNode> schemaNodes;
  private final Map<String, Schema> schemas;

  private ResponseSchemas(JsonNode document) {
    this.components = requireGenerated(document.path("components").path("schemas").deepCopy());
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            OpenApi30.getInstance(),
            builder ->
                builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    this.schemaNodes =
        Map.copyOf(
            RESPONSES.entrySet().stream()
                .collect(
                    Collectors.toMap(
                        Map.Entry::getKey, entry -> schemaAt(document, entry.getValue()))));
    this.schemas =
        Map.copyOf(
            schemaNodes.entrySet().stream()
                .collect(
                    Collectors.toMap(
                        Map.Entry::getKey,
                        entry -> registry.getSchema(standalone(entry.getValue())))));
  }

  /** Reads the spec from the classpath and fails at start-up when it or a response is missing. */
  static ResponseSchemas fromClasspath() {
    try (InputStream spec = ResponseSchemas.class.getClassLoader().getResourceAsStream(SPEC)) {
      if (spec == null) {
        throw new IllegalStateException(SPEC + " is not on the classpath; add api-spec");
      }
      return new ResponseSchemas(YAMLMapper.builder().build().readTree(spec));
    } catch (IOException unreadable) {
      throw new UncheckedIOException("Could not read " + SPEC, unreadable);
    }
  }

  /** Returns the validator of an operation's success response, or null for an unknown one. */
  @Nullable Schema schema(String operation) {
    return schemas.get(operation);
  }

  /** Returns an operation's success response schema as written, or null for an unknown one. */
  @Nullable JsonNode schemaNode(String operation) {
    return schemaNodes.get(operation);
  }

  /** Follows a local {@code $ref} to a component schema; other nodes are returned unchanged. */
  JsonNode resolve(JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    if (ref == null) {
      return schema;
    }
    String name = ref.asString().substring(ref.asString().lastIndexOf('/') + 1);
    return components.path(name);
  }

  private static JsonNode schemaAt(JsonNode document, String response) {
    JsonNode schema = document.at(response + JSON_SCHEMA);
    if (schema.isMissingNode()) {
      throw new IllegalStateException(SPEC + " has no JSON schema at " + response);
    }
    return schema;
  }

  /**
   * Returns a copy of a schema that carries the component schemas, so its $ref pointers resolve.
   */
  private JsonNode standalone(JsonNode schema) {
    ObjectNode document = (ObjectNode) schema.deepCopy();
    document.putObject("components").set("schemas", components);
    return document;
  }

  private static JsonNode requireGenerated(JsonNode schemas) {
    for (JsonNode schema : schemas) {
      JsonNode properties = schema.path("properties");
      Set<String> required = new LinkedHashSet<>();
      schema.path("required").forEach(name -> required.add(name.asString()));
      properties
          .properties()
          .forEach(
              property -> {
                if (property.getValue().path("readOnly").asBoolean(false)) {
                  required.add(property.getKey());
                }
              });
      if (!required.isEmpty()) {
        ArrayNode list = ((ObjectNode) schema).putArray("required");
        required.forEach(list::add);
      }
    }
    return schemas;
  }
}
