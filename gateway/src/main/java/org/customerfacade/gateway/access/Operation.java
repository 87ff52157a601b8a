package org.customerfacade.gateway.access;

import java.util.Optional;
import org.springframework.http.HttpMethod;

/**
 * The Customer API operations that a consumer can be allowed, named as in the spec's operation ids
 * and in the facade.
 */
public enum Operation {
  RETRIEVE,
  FIND,
  CREATE,
  UPDATE,
  DELETE;

  private static final String COLLECTION = "/customer";
  private static final String ITEM_PREFIX = COLLECTION + "/";

  /**
   * Returns the operation of a request, or empty when the method and path match none. HEAD counts
   * as the GET of the same path. {@code path} is the raw, still percent-encoded path.
   */
  public static Optional<Operation> of(HttpMethod method, String path) {
    if (COLLECTION.equals(path)) {
      return onCollection(method);
    }
    if (isItem(path)) {
      return onItem(method);
    }
    return Optional.empty();
  }

  /** Returns whether the path is one the Customer API serves, whatever the method. */
  public static boolean isKnownPath(String path) {
    return COLLECTION.equals(path) || isItem(path);
  }

  /** Methods that the path serves, for the {@code Allow} header of a 405. */
  public static String allowedMethods(String path) {
    return COLLECTION.equals(path) ? "GET, HEAD, POST" : "GET, HEAD, PUT, DELETE";
  }

  private static boolean isItem(String path) {
    return path.startsWith(ITEM_PREFIX)
        && path.length() > ITEM_PREFIX.length()
        && path.indexOf('/', ITEM_PREFIX.length()) < 0;
  }

  private static Optional<Operation> onCollection(HttpMethod method) {
    if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
      return Optional.of(FIND);
    }
    if (HttpMethod.POST.equals(method)) {
      return Optional.of(CREATE);
    }
    return Optional.empty();
  }

  private static Optional<Operation> onItem(HttpMethod method) {
    if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
      return Optional.of(RETRIEVE);
    }
    if (HttpMethod.PUT.equals(method)) {
      return Optional.of(UPDATE);
    }
    if (HttpMethod.DELETE.equals(method)) {
      return Optional.of(DELETE);
    }
    return Optional.empty();
  }
}
