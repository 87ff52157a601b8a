package org.customerfacade.facade.observability;

import org.springframework.http.HttpMethod;

/**
 * The Customer API operation of a request, with its route as the spec writes it, for access-log
 * fields and metric tags. Anything else is {@link #OTHER}, so callers cannot create tag values.
 */
enum ApiOperation {
  RETRIEVE("retrieve", ApiOperation.ITEM),
  FIND("find", ApiOperation.COLLECTION),
  CREATE("create", ApiOperation.COLLECTION),
  UPDATE("update", ApiOperation.ITEM),
  DELETE("delete", ApiOperation.ITEM),
  OTHER("other", "other");

  private static final String COLLECTION = "/customer";
  private static final String ITEM = "/customer/{id}";

  private final String tag;
  private final String route;

  ApiOperation(String tag, String route) {
    this.tag = tag;
    this.route = route;
  }

  /** Returns the operation of a request, from its method and path alone. */
  static ApiOperation of(HttpMethod method, String path) {
    if (path.equals(COLLECTION)) {
      if (HttpMethod.GET.equals(method)) {
        return FIND;
      }
      return HttpMethod.POST.equals(method) ? CREATE : OTHER;
    }
    if (!isItemPath(path)) {
      return OTHER;
    }
    if (HttpMethod.GET.equals(method)) {
      return RETRIEVE;
    }
    if (HttpMethod.PUT.equals(method)) {
      return UPDATE;
    }
    return HttpMethod.DELETE.equals(method) ? DELETE : OTHER;
  }

  /** Returns whether the path is {@code /customer/} followed by one non-empty segment. */
  private static boolean isItemPath(String path) {
    int idStart = COLLECTION.length() + 1;
    return path.length() > idStart
        && path.startsWith(COLLECTION)
        && path.charAt(COLLECTION.length()) == '/'
        && path.indexOf('/', idStart) < 0;
  }

  /** Returns the lower-case name used in logs and metric tags. */
  String tag() {
    return tag;
  }

  /** Returns the route's path pattern, or {@code other}. */
  String route() {
    return route;
  }
}
