package org.customerfacade.spec;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.output.ConsoleRender;

/**
 * Finds the changes between two versions of the spec that break existing callers. openapi-diff
 * 2.1.3 decides for most kinds of change. It treats a removed response field as compatible unless
 * the field was required, because a client has to cope with an optional field being absent. Every
 * field of this spec's responses is optional, so the removal of a field that callers read would go
 * unnoticed. This check therefore also reports every response field that was removed.
 */
final class CompatibilityCheck {

  private CompatibilityCheck() {}

  /** Returns one entry for each breaking change, empty when the new version is compatible. */
  static List<String> breakingChanges(OpenAPI oldSpec, OpenAPI newSpec) {
    ChangedOpenApi diff = OpenApiCompare.fromSpecifications(oldSpec, newSpec);

    List<String> breaking = new ArrayList<>();
    if (diff.isIncompatible()) {
      breaking.add(
          "openapi-diff reports incompatible changes:\n" + new ConsoleRender().render(diff));
    }
    for (ChangedOperation operation : diff.getChangedOperations()) {
      removedResponseFields(operation, breaking);
    }
    return breaking;
  }

  private static void removedResponseFields(ChangedOperation operation, List<String> breaking) {
    ChangedApiResponse responses = operation.getApiResponses();
    if (responses == null) {
      return;
    }

    String name = operation.getHttpMethod() + " " + operation.getPathUrl();
    responses
        .getChanged()
        .forEach(
            (status, response) ->
                removedFields(name + " " + status, response.getContent(), breaking));
  }

  private static void removedFields(String response, ChangedContent content, List<String> out) {
    if (content == null) {
      return;
    }
    content
        .getChanged()
        .forEach(
            (type, media) ->
                removedFields(
                    response + " " + type + " removed field ", "", media.getSchema(), out));
  }

  /** Adds the JSON Pointer of each removed property, looking into changed properties and items. */
  private static void removedFields(
      String prefix, String pointer, ChangedSchema schema, List<String> out) {
    if (schema == null) {
      return;
    }

    for (String missing : schema.getMissingProperties().keySet()) {
      out.add(prefix + pointer + "/" + missing);
    }
    for (Map.Entry<String, ChangedSchema> changed : schema.getChangedProperties().entrySet()) {
      removedFields(prefix, pointer + "/" + changed.getKey(), changed.getValue(), out);
    }
    removedFields(prefix, pointer + "/items", schema.getItems(), out);
  }
}
