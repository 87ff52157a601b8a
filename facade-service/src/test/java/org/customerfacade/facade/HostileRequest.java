package org.customerfacade.facade;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * One row of the hostile-input table: a request to the facade and the problem it must get back.
 * Requests carry the test consumer and {@code x-api-version: 2.0} unless a row replaces or removes
 * them; a header set to null is not sent.
 *
 * @param path raw path and query, already percent-encoded where a row needs it
 * @param pointer the {@code errors[].pointer} the problem must contain, or null when the fault is
 *     not in one field
 */
record HostileRequest(
    HttpMethod method,
    String path,
    Map<String, @Nullable String> headers,
    byte @Nullable [] body,
    int status,
    @Nullable String pointer) {

  static final String JSON = MediaType.APPLICATION_JSON_VALUE;

  static HostileRequest create(String body) {
    return withBody(HttpMethod.POST, "/customer", body);
  }

  static HostileRequest update(String body) {
    return withBody(HttpMethod.PUT, "/customer/1001", body);
  }

  static HostileRequest retrieve(String path) {
    return new HostileRequest(HttpMethod.GET, path, defaultHeaders(null), null, 0, null);
  }

  static HostileRequest delete(String path) {
    return new HostileRequest(HttpMethod.DELETE, path, defaultHeaders(null), null, 0, null);
  }

  static HostileRequest find(String query) {
    return retrieve("/customer" + (query.isEmpty() ? "" : "?" + query));
  }

  /**
   * Returns a body written with single quotes for readability: each {@code '} becomes {@code "}.
   */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static HostileRequest withBody(HttpMethod method, String path, String body) {
    return new HostileRequest(
        method, path, defaultHeaders(JSON), body.getBytes(StandardCharsets.UTF_8), 0, null);
  }

  HostileRequest header(String name, @Nullable String value) {
    Map<String, @Nullable String> changed = new LinkedHashMap<>(headers);
    changed.put(name, value);
    return new HostileRequest(method, path, changed, body, status, pointer);
  }

  HostileRequest contentType(@Nullable String value) {
    return header("Content-Type", value);
  }

  HostileRequest expect(int expectedStatus) {
    return new HostileRequest(method, path, headers, body, expectedStatus, null);
  }

  HostileRequest expect(int expectedStatus, String expectedPointer) {
    return new HostileRequest(method, path, headers, body, expectedStatus, expectedPointer);
  }

  private static Map<String, @Nullable String> defaultHeaders(@Nullable String contentType) {
    Map<String, @Nullable String> headers = new LinkedHashMap<>();
    headers.put("X-Consumer-Id", FacadeIntegrationTest.CONSUMER);
    headers.put("x-api-version", "2.0");
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    return headers;
  }
}
