package org.customerfacade.gateway.limits;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.customerfacade.gateway.problem.SafeText;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Checks the request line and headers against {@link RequestLimitsProperties} and rejects paths and
 * headers that could be read differently by the gateway and the services behind it.
 */
final class RequestInspector {

  /** Percent-encoded slash, backslash, percent sign, NUL, CR or LF, in any case. */
  private static final Pattern ENCODED_DANGER =
      Pattern.compile("%(2f|5c|25|00|0d|0a)", Pattern.CASE_INSENSITIVE);

  /** Percent-encoded NUL, CR or LF, in any case. */
  private static final Pattern ENCODED_CONTROL =
      Pattern.compile("%(00|0d|0a)", Pattern.CASE_INSENSITIVE);

  private final RequestLimitsProperties limits;

  RequestInspector(RequestLimitsProperties limits) {
    this.limits = limits;
  }

  /** Returns why the request line must be rejected, or empty when it is acceptable. */
  Optional<RequestRejectedException> checkUrl(String rawPath, String rawQuery) {
    int length = rawPath.length() + (rawQuery == null ? 0 : rawQuery.length() + 1);
    if (length > limits.getMaxUrlLength()) {
      return reject(
          HttpStatus.URI_TOO_LONG,
          "The URL is %d characters long, more than the maximum of %d. Send search values that fit"
                  .formatted(length, limits.getMaxUrlLength())
              + " in a shorter query.");
    }
    if (ENCODED_DANGER.matcher(rawPath).find() || rawPath.indexOf('\\') >= 0) {
      return reject(
          HttpStatus.BAD_REQUEST,
          "The path '%s' contains an encoded slash, backslash, percent sign or control character."
                  .formatted(SafeText.of(rawPath))
              + " Send the path without them.");
    }
    if (rawPath.indexOf(';') >= 0 || hasDotSegment(rawPath)) {
      return reject(
          HttpStatus.BAD_REQUEST,
          "The path '%s' contains a '.' or '..' segment or a ';' parameter. Send the plain path,"
                  .formatted(SafeText.of(rawPath))
              + " such as /customer/1001.");
    }
    if (rawQuery != null && ENCODED_CONTROL.matcher(rawQuery).find()) {
      return reject(
          HttpStatus.BAD_REQUEST,
          "The query contains an encoded NUL, CR or LF character. Remove it from the query values.");
    }
    return Optional.empty();
  }

  /** Returns why the headers must be rejected, or empty when they are acceptable. */
  Optional<RequestRejectedException> checkHeaders(HttpHeaders headers) {
    long size = 0;
    for (Map.Entry<String, List<String>> header : headers.headerSet()) {
      String name = header.getKey();
      for (String value : header.getValue()) {
        if (hasControlCharacter(name) || hasControlCharacter(value)) {
          return reject(
              HttpStatus.BAD_REQUEST,
              "The header '%s' contains a control character such as CR or LF. Send header values"
                      .formatted(SafeText.of(name))
                  + " on one line without control characters.");
        }
        size += name.length() + value.length();
      }
    }

    long maxBytes = limits.getMaxHeaderSize().toBytes();
    if (size > maxBytes) {
      return reject(
          HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
          "The request headers take %d bytes, more than the maximum of %d. Send fewer or shorter"
                  .formatted(size, maxBytes)
              + " headers.");
    }
    return Optional.empty();
  }

  /** Returns the rejection of a body of {@code length} bytes, or empty when it fits. */
  Optional<RequestRejectedException> checkBodyLength(long length) {
    long maxBytes = limits.getMaxBodySize().toBytes();
    if (length > maxBytes) {
      return Optional.of(bodyTooLarge(maxBytes));
    }
    return Optional.empty();
  }

  static RequestRejectedException bodyTooLarge(long maxBytes) {
    return new RequestRejectedException(
        HttpStatus.CONTENT_TOO_LARGE,
        "The request body is larger than the maximum of %d bytes. Send a smaller body."
            .formatted(maxBytes));
  }

  /** Returns whether a segment is "." or "..", also when its dots are percent-encoded. */
  private static boolean hasDotSegment(String rawPath) {
    for (String segment : rawPath.split("/", -1)) {
      String decoded = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
      if (decoded.equals(".") || decoded.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /** C0 controls other than horizontal tab, and DEL (RFC 9110 section 5.5 excludes them). */
  private static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        return true;
      }
    }
    return false;
  }

  private static Optional<RequestRejectedException> reject(HttpStatus status, String detail) {
    return Optional.of(new RequestRejectedException(status, detail));
  }
}
