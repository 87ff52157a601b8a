package org.customerfacade.facade.upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.problem.FacadeProblem;
import org.customerfacade.facade.problem.FacadeProblem.FieldError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns the provider's error responses into problems that keep the provider's own message. */
@Component
class ProviderErrors {

  private static final Logger log = LoggerFactory.getLogger(ProviderErrors.class);

  private static final int MAX_DETAIL_LENGTH = 500;

  private final JsonMapper mapper = JsonMapper.builder().build();

  /**
   * Converts a provider 4xx into the problem the caller gets, with the same status. A 401 or 403
   * means the provider rejected the facade's own API key, which the caller cannot fix, so it
   * becomes a 502 and an error in the log instead.
   */
  FacadeProblem toProblem(Throwable error, Account account) {
    WebClientResponseException response = (WebClientResponseException) error;
    int status = response.getStatusCode().value();
    if (status == 401 || status == 403) {
      log.error(
          "'{}' provider rejected the account's API key with status {}; check"
              + " facade.accounts.{}.api-key",
          account.name(),
          status,
          account.name());
      return FacadeProblem.providerRejectedCredential(account.name(), status);
    }
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

  /**
   * Returns a short description of a failure in plain words, safe to show and to log: no URLs,
   * bodies or headers, which may carry personal data.
   */
  String describe(UpstreamFailure failure) {
    return switch (failure.kind()) {
      case REJECTED_BY_BREAKER -> "its circuit breaker is open after recent failures";
      case REJECTED_BY_BULKHEAD -> "too many calls to it are already in flight";
      case CONNECT_FAILED -> "the connection could not be opened";
      case TIMEOUT -> "it did not answer in time";
      case TRANSPORT_ERROR -> "the connection broke during the call";
      case RESPONSE_TOO_LARGE -> "the response is larger than the facade's limit";
      case UNREADABLE_RESPONSE -> "the response is not valid JSON for this operation";
      case SERVER_ERROR, CLIENT_ERROR ->
          failure.error() instanceof WebClientResponseException response
              ? "it returned status " + response.getStatusCode().value()
              : "the call failed";
    };
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
