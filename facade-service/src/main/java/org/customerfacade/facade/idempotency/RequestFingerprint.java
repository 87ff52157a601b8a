package org.customerfacade.facade.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SHA-256 of a request body in a canonical form, with object properties sorted by name, so that the
 * same fields in another order give the same fingerprint.
 */
final class RequestFingerprint {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private RequestFingerprint() {}

  static String of(Object body) {
    JsonNode canonical = sorted(MAPPER.valueToTree(body));
    byte[] json = MAPPER.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
    return HexFormat.of().formatHex(sha256().digest(json));
  }

  private static JsonNode sorted(JsonNode node) {
    if (!node.isObject()) {
      return node;
    }
    List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(node.properties());
    properties.sort(Map.Entry.comparingByKey());

    ObjectNode result = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> property : properties) {
      result.set(property.getKey(), sorted(property.getValue()));
    }
    return result;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException notInJdk) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", notInJdk);
    }
  }
}
