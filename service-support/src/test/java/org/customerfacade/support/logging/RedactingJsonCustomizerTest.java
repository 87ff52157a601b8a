package org.customerfacade.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.json.JsonWriter.Members;

class RedactingJsonCustomizerTest {

  /** Writes a map as a structured log formatter writes an event, with the customizer applied. */
  @SuppressWarnings("unchecked")
  private static final JsonWriter<Map<String, Object>> writer =
      JsonWriter.of(
          members -> {
            members.add("thread_name", event -> event.get("thread_name")).whenNotNull();
            members.add("message", event -> event.get("message")).whenNotNull();
            members.add("tags", event -> event.get("tags")).whenNotNull();
            members.add("stack_trace", event -> event.get("stack_trace")).whenNotNull();
            new RedactingJsonCustomizer().customize((Members<Object>) (Members<?>) members);
          });

  @Test
  void redactsMessageAndStackTrace() {
    String json =
        writer.writeToString(
            Map.of(
                "message", "lookup of ada.lovelace@example.com failed",
                "stack_trace", "java.lang.IllegalStateException: api_key=eu-demo-key\n\tat x"));

    assertThat(json).contains("\"message\":\"lookup of <email> failed\"");
    assertThat(json).contains("api_key=<redacted>");
    assertThat(json).doesNotContain("ada.lovelace", "eu-demo-key");
  }

  @Test
  void redactsArrayElements() {
    String json = writer.writeToString(Map.of("tags", List.of("Bearer demo-app-local-token")));

    assertThat(json).contains("\"tags\":[\"Bearer <redacted>\"]");
  }

  /** Logback fills these members itself, so they are written as they are, unlike the message. */
  @Test
  void skipsLogbackMembers() {
    String json =
        writer.writeToString(Map.of("thread_name", "token=worker-1", "message", "token=worker-1"));

    assertThat(json)
        .isEqualTo("{\"thread_name\":\"token=worker-1\",\"message\":\"token=<redacted>\"}");
  }
}
