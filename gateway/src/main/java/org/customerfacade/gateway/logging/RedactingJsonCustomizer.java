package org.customerfacade.gateway.logging;

import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Passes every string in a structured log event, message, key-value pairs and stack trace included,
 * through {@link LogRedactor}. Boot's logging system creates it from {@code
 * logging.structured.json.customizer}, before the application context exists.
 */
public class RedactingJsonCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

  @Override
  public void customize(Members<Object> members) {
    members.applyingValueProcessor(ValueProcessor.of(String.class, LogRedactor::redact));
  }
}
