package org.customerfacade.standin.problem;

import java.util.List;
import tools.jackson.core.JacksonException;

/** Builds JSON Pointers (RFC 6901) to fields of a request body. */
public final class JsonPointers {

  private JsonPointers() {}

  /** Returns the pointer to a top-level member, such as {@code /email}. */
  public static String member(String name) {
    return "/" + escape(name);
  }

  /**
   * Converts a Java property path such as {@code preferredLocationGroup.label} or {@code
   * acceptPolicies[0]} to the pointer of its snake_case JSON member.
   */
  public static String fromPropertyPath(String path) {
    StringBuilder pointer = new StringBuilder();
    for (String segment : path.replace("[", ".").replace("]", "").split("\\.")) {
      if (!segment.isEmpty()) {
        pointer.append('/').append(escape(toSnakeCase(segment)));
      }
    }
    return pointer.isEmpty() ? "/" : pointer.toString();
  }

  /** Returns the pointer to where a Jackson exception happened, or {@code /} for the root. */
  public static String fromJacksonPath(List<JacksonException.Reference> path) {
    StringBuilder pointer = new StringBuilder();
    for (JacksonException.Reference reference : path) {
      String name = reference.getPropertyName();
      pointer.append('/');
      pointer.append(name != null ? escape(name) : String.valueOf(reference.getIndex()));
    }
    return pointer.isEmpty() ? "/" : pointer.toString();
  }

  static String toSnakeCase(String name) {
    StringBuilder snake = new StringBuilder();
    for (char character : name.toCharArray()) {
      if (Character.isUpperCase(character)) {
        snake.append('_').append(Character.toLowerCase(character));
      } else {
        snake.append(character);
      }
    }
    return snake.toString();
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
