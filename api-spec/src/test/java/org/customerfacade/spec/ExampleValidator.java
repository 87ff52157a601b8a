package org.customerfacade.spec;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.OpenApi30;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Validates spec examples against their schemas with the OpenAPI 3.0 schema dialect of the
 * networknt validator. Examples and schemas are read from the spec's text, so each example is
 * checked as written. Formats such as {@code email}, {@code uuid} and {@code date} are asserted,
 * not only annotated.
 */
final class ExampleValidator {

  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(
          OpenApi30.getInstance(),
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private final JsonNode document;

  ExampleValidator(String specText) {
    this.document = YAMLMapper.builder().build().readTree(specText);
  }

  List<String> violations(List<SpecExample> examples) {
    return examples.stream().flatMap(example -> violations(example).stream()).toList();
  }

  /** Returns one line for each way an example breaks its schema, naming the example's location. */
  List<String> violations(SpecExample example) {
    if (example.schemaLocation() == null) {
      return List.of(example.location() + ": the example has no schema to be checked against");
    }

    JsonNode value = value(example.location());
    if (value.isMissingNode()) {
      return List.of(example.location() + ": the example's value was not found in the spec");
    }

    Schema schema = registry.getSchema(schemaDocument(example.schemaLocation()));
    List<Error> errors = schema.validate(value);
    return errors.stream().map(error -> example.location() + ": " + error.getMessage()).toList();
  }

  /**
   * Returns the value at an {@code example} pointer, or the {@code value} of the Example Object at
   * an {@code examples/<name>} pointer, following its {@code $ref}.
   */
  private JsonNode value(String location) {
    JsonNode node = at(location);
    if (!location.matches(".*/examples/[^/]+")) {
      return node;
    }

    if (node.has("$ref")) {
      node = at(node.get("$ref").asString());
    }
    return node.path("value");
  }

  /**
   * Returns the schema at a pointer as a document of its own that also contains the spec's
   * component schemas at {@code /components/schemas}, so that its {@code $ref} pointers resolve
   * inside that document.
   */
  private JsonNode schemaDocument(String schemaLocation) {
    ObjectNode schema = (ObjectNode) at(schemaLocation).deepCopy();
    schema.putObject("components").set("schemas", document.at("/components/schemas"));
    return schema;
  }

  /** Returns the node at a pointer written as a URI fragment, such as {@code #/paths}. */
  private JsonNode at(String location) {
    return document.at(location.substring(location.indexOf('#') + 1));
  }
}
