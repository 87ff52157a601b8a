package org.customerfacade.spec;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Collects every example of an OpenAPI 3.0 description with the schema it must match: {@code
 * example} of schemas, parameters, headers and media types, and each entry of their {@code
 * examples} maps. Each component is visited once, under {@code #/components}, and not again where a
 * {@code $ref} points to it.
 */
final class SpecExamples {

  private final List<SpecExample> found = new ArrayList<>();

  private SpecExamples() {}

  static List<SpecExample> collect(OpenAPI api) {
    SpecExamples walker = new SpecExamples();
    walker.components(api.getComponents());
    forEach(api.getPaths(), (path, item) -> walker.pathItem("#/paths/" + escape(path), item));
    return List.copyOf(walker.found);
  }

  private void components(Components components) {
    if (components == null) {
      return;
    }

    String at = "#/components/";
    forEach(components.getSchemas(), (name, schema) -> schema(at + "schemas/" + name, schema));
    forEach(components.getParameters(), (name, p) -> parameter(at + "parameters/" + name, p));
    forEach(components.getHeaders(), (name, header) -> header(at + "headers/" + name, header));
    forEach(
        components.getRequestBodies(), (name, b) -> requestBody(at + "requestBodies/" + name, b));
    forEach(components.getResponses(), (name, r) -> response(at + "responses/" + name, r));
  }

  private void pathItem(String at, PathItem item) {
    parameters(at, item.getParameters());
    forEach(
        item.readOperationsMap(),
        (method, operation) ->
            operation(at + "/" + method.name().toLowerCase(Locale.ROOT), operation));
  }

  private void operation(String at, Operation operation) {
    parameters(at, operation.getParameters());
    if (operation.getRequestBody() != null) {
      requestBody(at + "/requestBody", operation.getRequestBody());
    }
    forEach(operation.getResponses(), (status, r) -> response(at + "/responses/" + status, r));
  }

  private void parameters(String at, List<Parameter> parameters) {
    if (parameters == null) {
      return;
    }
    for (int i = 0; i < parameters.size(); i++) {
      parameter(at + "/parameters/" + i, parameters.get(i));
    }
  }

  private void parameter(String at, Parameter parameter) {
    if (parameter.get$ref() != null) {
      return;
    }
    schema(at + "/schema", parameter.getSchema());
    examples(at, parameter.getSchema(), parameter.getExample(), parameter.getExamples());
    content(at + "/content", parameter.getContent());
  }

  private void header(String at, Header header) {
    if (header.get$ref() != null) {
      return;
    }
    schema(at + "/schema", header.getSchema());
    examples(at, header.getSchema(), header.getExample(), header.getExamples());
    content(at + "/content", header.getContent());
  }

  private void requestBody(String at, RequestBody body) {
    if (body.get$ref() != null) {
      return;
    }
    content(at + "/content", body.getContent());
  }

  private void response(String at, ApiResponse response) {
    if (response.get$ref() != null) {
      return;
    }
    forEach(response.getHeaders(), (name, header) -> header(at + "/headers/" + name, header));
    content(at + "/content", response.getContent());
  }

  private void content(String at, Content content) {
    forEach(
        content,
        (type, media) -> {
          String mediaAt = at + "/" + escape(type);
          schema(mediaAt + "/schema", media.getSchema());
          examples(mediaAt, media.getSchema(), media.getExample(), media.getExamples());
        });
  }

  /**
   * Records the {@code example} and {@code examples} of a parameter, header or media type, whose
   * schema is at {@code at/schema}.
   */
  private void examples(String at, Schema<?> schema, Object example, Map<String, Example> named) {
    String schemaAt = schema == null ? null : at + "/schema";
    if (example != null) {
      found.add(new SpecExample(at + "/example", schemaAt));
    }
    forEach(named, (name, entry) -> found.add(new SpecExample(at + "/examples/" + name, schemaAt)));
  }

  /** Walks a schema and its subschemas, recording each {@code example}. */
  private void schema(String at, Schema<?> schema) {
    if (schema == null || schema.get$ref() != null) {
      return;
    }

    // The flag, unlike getExample(), is also set when swagger-parser could not read the example
    // as the schema's type, as with a date schema whose example is no date.
    if (schema.getExampleSetFlag()) {
      found.add(new SpecExample(at + "/example", at));
    }
    forEach(
        schema.getProperties(), (name, property) -> schema(at + "/properties/" + name, property));
    schema(at + "/items", schema.getItems());
    schema(at + "/not", schema.getNot());
    if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
      schema(at + "/additionalProperties", additional);
    }
    subschemas(at + "/allOf", schema.getAllOf());
    subschemas(at + "/anyOf", schema.getAnyOf());
    subschemas(at + "/oneOf", schema.getOneOf());
  }

  private void subschemas(String at, List<Schema> schemas) {
    if (schemas == null) {
      return;
    }
    for (int i = 0; i < schemas.size(); i++) {
      schema(at + "/" + i, schemas.get(i));
    }
  }

  private static <K, V> void forEach(Map<K, V> map, BiConsumer<K, V> action) {
    if (map != null) {
      map.forEach(action);
    }
  }

  /** Escapes a JSON Pointer segment as RFC 6901 requires. */
  private static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
