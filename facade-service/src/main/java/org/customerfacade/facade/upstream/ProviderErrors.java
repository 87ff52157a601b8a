package org.customerfacade.facade.upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.customerfacade.facade.problem.FacadeProblem;
import org.customerfacade.facade.problem.FacadeProblem.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns the provider's error responses into problems that keep the provider's own message. */
@Component
class ProviderErrors {

  private static final int MAX_DETAIL_LENGTH = 500;

  private final JsonMapper mapper = JsonMapper.builder().build();

  /** Converts a provider 4xx into the problem the caller gets, with the same status. */
  FacadeProblem toProblem(Throwable error) {
    WebClientResponseException response = (WebClientResponseException) error;
    JsonNode body = parse(response.getResponseBodyAsString());

    String detail = text(body, "detail");
    if (detail == null) {
      detail = text(body, "message");
    }
    if (detail == null) {
      detail = "The provider rejected the request with status " + response.getStatusCode().value();
    }
    return FacadeProblem.rejectedByProvider(
        response.getStatusCode(), truncate(detail), fieldErrors(body), retryAfter(response));
  }

  /** Returns a short description of a failure, safe to show: no bodies, no headers. */
  String describe(Throwable error) {
    if (error instanceof WebClientResponseException response) {
      return "status " + response.getStatusCode().value();
    }
    return error.getClass().getSimpleName();
  }

  private @Nullable JsonNode parse(String body) {
    if (body.isBlank()) {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (JacksonException notJson) {
      return null;
    }
  }

  private static @Nullable String text(@Nullable JsonNode body, String field) {
    if (body == null || !body.path(field).isString()) {
      return null;
    }
    return body.path(field).asString();
  }

  private static List<FieldError> fieldErrors(@Nullable JsonNode body) {
    List<FieldError> errors = new ArrayList<>();
    if (body == null || !body.path("errors").isArray()) {
      return errors;
    }
    for (JsonNode error : body.path("errors")) {
      String pointer = error.path("pointer").asString("");
      String detail = error.path("detail").asString("");
      if (!pointer.isEmpty() || !detail.isEmpty()) {
        errors.add(new FieldError(pointer, truncate(detail)));
      }
    }
    return errors;
  }

  private static @Nullable Duration retryAfter(WebClientResponseException response) {
    String value = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
    if (value == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(value.trim()));
    } catch (NumberFormatException httpDate) {
      // NOTE: an HTTP-date Retry-After is dropped rather than converted; the provider's
      // documented 429 responses use seconds.
      return null;
    }
  }

  private static String truncate(String text) {
    return text.length() <= MAX_DETAIL_LENGTH ? text : text.substring(0, MAX_DETAIL_LENGTH) + "…";
  }
}
