package org.customerfacade.support.logging;

import java.util.Set;
import org.springframework.boot.json.JsonWriter.MemberPath;
import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Passes every string of a structured log event (message, key-value pairs, MDC values and stack
 * trace included) through {@link LogRedactor}.
 *
 * <p>Boot's logging system creates it from {@code logging.structured.json.customizer}, before the
 * application context exists, so it has no dependencies. The members that Logback itself fills with
 * fixed values (timestamp, level, logger and thread names in the Logstash format) are skipped,
 * because they cannot carry data from a request.
 */
public class RedactingJsonCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

  private static final Set<String> LOGBACK_MEMBERS =
      Set.of("@timestamp", "@version", "level", "logger_name", "thread_name");

  @Override
  public void customize(Members<Object> members) {
    members.applyingValueProcessor(
        ValueProcessor.of(String.class, LogRedactor::redact)
            .whenHasPath(RedactingJsonCustomizer::mayCarryRequestData));
  }

  private static boolean mayCarryRequestData(MemberPath path) {
    // Elements of arrays, such as the tags of a marker, have no name.
    String name = path.name();
    return name == null || !LOGBACK_MEMBERS.contains(name);
  }
}
