package org.customerfacade.facade.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceparentTest {

  private static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-";

  @Test
  void traceIdIsTakenFromTraceparent() {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";

    assertThat(Traceparent.traceId(traceparent)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  /** A malformed header is caller input, so none of it may reach the log. */
  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "00-4bf92f3577b34da6a3ce929d0e0e473",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736x00f067aa0ba902b7-01",
        "000-bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-ada.lovelace@example.com-xxxxxxx-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01,"
            + "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0\"",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x"
      })
  void malformedTraceparentHasNoTraceId(String traceparent) {
    assertThat(Traceparent.traceId(traceparent)).isNull();
  }

  /** The standard lets a later version append fields after a dash, so its first four are read. */
  @Test
  void laterVersionIsRead() {
    String traceparent = "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future";

    assertThat(Traceparent.traceId(traceparent)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(Traceparent.isSampled(traceparent)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"01", "03", "0f", "ff"})
  void sampledFlagIsRead(String flags) {
    assertThat(Traceparent.isSampled(TRACE + flags)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "00",
        "02",
        "fe",
        "0g",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
        "00-4bf92f3577b34da6a3ce929d0e0e4736x00f067aa0ba902b7x01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"
      })
  void unsampledOrInvalidIsNotSampled(String value) {
    String traceparent = value == null || value.length() > 2 ? value : TRACE + value;

    assertThat(Traceparent.isSampled(traceparent)).isFalse();
  }
}
