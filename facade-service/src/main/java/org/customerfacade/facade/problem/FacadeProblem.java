package org.customerfacade.facade.problem;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * A failure that reaches the caller as an {@code application/problem+json} response.
 *
 * <p>Instances come from the static factories, whose messages name the component and its state, and
 * travel through reactive pipelines as error signals until the web layer renders them.
 */
public final class FacadeProblem extends RuntimeException {

  private final HttpStatusCode status;
  private final @Nullable Duration retryAfter;
  private final List<FieldError> errors;

  private FacadeProblem(
      HttpStatusCode status,
      String detail,
      @Nullable Duration retryAfter,
      List<FieldError> errors,
      @Nullable Throwable cause) {
    super(detail, cause, false, false);
    this.status = status;
    this.retryAfter = retryAfter;
    this.errors = List.copyOf(errors);
  }

  /** One invalid part of a request: a JSON Pointer or parameter name, and what is wrong. */
  public record FieldError(String pointer, String detail) {}

  public static FacadeProblem missingConsumer() {
    return new FacadeProblem(
        HttpStatus.UNAUTHORIZED,
        "The request carries no consumer identity; call the facade through the gateway.",
        null,
        List.of(),
        null);
  }

  public static FacadeProblem unknownConsumer(String consumerId) {
    return new FacadeProblem(
        HttpStatus.FORBIDDEN,
        "Consumer " + SafeText.quoted(consumerId) + " has no accounts configured in the facade.",
        null,
        List.of(),
        null);
  }

  public static FacadeProblem accountNotAllowed(
      String consumerId, String account, List<String> allowed) {
    return new FacadeProblem(
        HttpStatus.FORBIDDEN,
        "Consumer "
            + SafeText.quoted(consumerId)
            + " may not use account "
            + SafeText.quoted(account)
            + "; set X-Account to one of "
            + allowed
            + ".",
        null,
        List.of(new FieldError("X-Account", "must be one of " + allowed)),
        null);
  }

  public static FacadeProblem regionOverrideNotAllowed(String consumerId) {
    return new FacadeProblem(
        HttpStatus.FORBIDDEN,
        "Consumer "
            + SafeText.quoted(consumerId)
            + " may not choose the region; remove the X-Region header to use the account's own.",
        null,
        List.of(new FieldError("X-Region", "is not allowed for this consumer")),
        null);
  }

  public static FacadeProblem invalidRegion(String region) {
    return new FacadeProblem(
        HttpStatus.BAD_REQUEST,
        "X-Region " + SafeText.quoted(region) + " is not a region; send EU or US.",
        null,
        List.of(new FieldError("X-Region", "must be EU or US")),
        null);
  }

  /** Reports a request routed by {@code X-Region} to a region without endpoints there. */
  public static FacadeProblem noEndpoints(String location) {
    return new FacadeProblem(
        HttpStatus.BAD_REQUEST,
        "The facade has no provider endpoint in " + location + "; remove the X-Region header.",
        null,
        List.of(new FieldError("X-Region", "has no endpoint in the account's environment")),
        null);
  }

  public static FacadeProblem invalidRequest(String detail, List<FieldError> errors) {
    return new FacadeProblem(HttpStatus.BAD_REQUEST, detail, null, errors, null);
  }

  /**
   * Reports body members that are neither fields of the Customer schema nor custom fields.
   *
   * @param count how many members are unknown; {@code errors} may list only the first ones
   */
  public static FacadeProblem unknownFields(int count, List<FieldError> errors) {
    return new FacadeProblem(
        HttpStatus.BAD_REQUEST,
        "The request body has "
            + count
            + " member(s) that are not customer fields: "
            + pointers(errors)
            + ". Remove them, or name a custom field with the prefix cf_.",
        null,
        errors,
        null);
  }

  /**
   * Reports custom fields that the account does not define or whose values do not fit their type.
   *
   * @param count how many custom fields are invalid; {@code errors} may list only the first ones
   * @param definedFields the account's custom fields with their types, as shown to the caller
   */
  public static FacadeProblem invalidCustomFields(
      String account, String definedFields, int count, List<FieldError> errors) {
    return new FacadeProblem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "The request body has "
            + count
            + " invalid custom field(s) for account '"
            + account
            + "': "
            + pointers(errors)
            + ". The account's custom fields are "
            + definedFields
            + ".",
        null,
        errors,
        null);
  }

  private static String pointers(List<FieldError> errors) {
    return errors.stream().map(FieldError::pointer).toList().toString();
  }

  /** The provider rejected the request; its status and message reach the caller unchanged. */
  public static FacadeProblem rejectedByProvider(
      HttpStatusCode status,
      String providerDetail,
      List<FieldError> errors,
      @Nullable Duration retryAfter) {
    return new FacadeProblem(status, providerDetail, retryAfter, errors, null);
  }

  /**
   * Creates the problem for a provider that rejected the facade's own API key, which only operators
   * can fix.
   */
  public static FacadeProblem providerRejectedCredential(String account, int status) {
    return new FacadeProblem(
        HttpStatus.BAD_GATEWAY,
        "The provider rejected the facade's credential for account '"
            + account
            + "' with status "
            + status
            + "; this is not a fault of your request or token. Contact the facade's operators.",
        null,
        List.of(),
        null);
  }

  /**
   * Creates the 504 for {@code Cache-Control: only-if-cached} when the cache has no usable entry.
   */
  public static FacadeProblem notCached(String resource) {
    return new FacadeProblem(
        HttpStatus.GATEWAY_TIMEOUT,
        "The request has Cache-Control: only-if-cached, but the cache has no usable entry for "
            + resource
            + "; send the request without only-if-cached to fetch it from the provider.",
        null,
        List.of(),
        null);
  }

  /**
   * Creates the problem for a success response that the facade could not read. A create or update
   * may have been applied, so the caller should read before retrying.
   */
  public static FacadeProblem unreadableResponse(String endpoint, String reason, Throwable cause) {
    return new FacadeProblem(
        HttpStatus.BAD_GATEWAY,
        "The provider endpoint '"
            + endpoint
            + "' answered but its response could not be read ("
            + reason
            + "). A create or update may have been applied: read the customer before retrying.",
        null,
        List.of(),
        cause);
  }

  public static FacadeProblem upstreamTimeout(String endpoint, Duration timeout, Throwable cause) {
    return new FacadeProblem(
        HttpStatus.GATEWAY_TIMEOUT,
        "The provider endpoint '"
            + endpoint
            + "' did not answer within "
            + timeout.toMillis()
            + " ms; retry later.",
        null,
        List.of(),
        cause);
  }

  public static FacadeProblem regionUnavailable(
      String region, Duration retryAfter, @Nullable Throwable cause) {
    return new FacadeProblem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Every provider endpoint of "
            + region
            + " is unavailable; retry after "
            + Math.max(1, retryAfter.toSeconds())
            + " seconds.",
        retryAfter,
        List.of(),
        cause);
  }

  /** The whole request, retries and failover included, ran out of time. */
  public static FacadeProblem deadlineExceeded(
      Duration deadline, int attempts, @Nullable String lastFailure) {
    String last = lastFailure == null ? "" : " The last failure was " + lastFailure + ".";
    return new FacadeProblem(
        HttpStatus.GATEWAY_TIMEOUT,
        "The provider did not complete the request within the deadline of "
            + deadline.toMillis()
            + " ms after "
            + attempts
            + " attempt(s)."
            + last
            + " Retry later.",
        null,
        List.of(),
        null);
  }

  /**
   * Reports that the provider rate-limited the account recently, so the call was not sent.
   *
   * @param remaining time left before the provider accepts calls again; rounded up to whole seconds
   */
  public static FacadeProblem rateLimited(String account, Duration remaining) {
    Duration seconds = Duration.ofSeconds(remaining.plusMillis(999).toSeconds());
    return new FacadeProblem(
        HttpStatus.TOO_MANY_REQUESTS,
        "The provider rate-limited account '"
            + account
            + "'; retry after "
            + seconds.toSeconds()
            + " seconds.",
        seconds,
        List.of(),
        null);
  }

  public static FacadeProblem invalidIdempotencyKey(String header, int maxLength) {
    return new FacadeProblem(
        HttpStatus.BAD_REQUEST,
        "The "
            + header
            + " header must be 1 to "
            + maxLength
            + " visible ASCII characters; send a unique value such as a UUID.",
        null,
        List.of(new FieldError(header, "must be 1 to " + maxLength + " visible ASCII characters")),
        null);
  }

  /** Reports an idempotency key sent again with a different request body. */
  public static FacadeProblem idempotencyKeyReused(String key, String account) {
    return new FacadeProblem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "Idempotency-Key "
            + SafeText.quoted(key)
            + " was already used by account '"
            + account
            + "' with a different request body; send a new key for a different customer.",
        null,
        List.of(new FieldError("Idempotency-Key", "was already used with a different body")),
        null);
  }

  /** Reports a repeat that waited in vain for the first create of its idempotency key. */
  public static FacadeProblem idempotentCreatePending(String key, Duration waited) {
    return new FacadeProblem(
        HttpStatus.CONFLICT,
        "The first create with Idempotency-Key "
            + SafeText.quoted(key)
            + " is still running after "
            + waited.toSeconds()
            + " seconds; send the request again later to get its result.",
        Duration.ofSeconds(1),
        List.of(new FieldError("Idempotency-Key", "has a create still running")),
        null);
  }

  public static FacadeProblem badGateway(String endpoint, String reason, Throwable cause) {
    return new FacadeProblem(
        HttpStatus.BAD_GATEWAY,
        "The provider endpoint '" + endpoint + "' failed: " + reason + ". Retry later.",
        null,
        List.of(),
        cause);
  }

  public HttpStatusCode status() {
    return status;
  }

  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
