package org.customerfacade.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Loads the current spec and the released specs kept in {@code api-spec/released}. */
final class SpecDocuments {

  static final String CURRENT_RESOURCE = "openapi/customer-api.yaml";

  /** Folder of released specs, relative to the module folder that Surefire runs in. */
  static final Path RELEASED_FOLDER = Path.of("released");

  private static final Pattern RELEASED_NAME =
      Pattern.compile("customer-api-(\\d+(?:\\.\\d+)*)\\.yaml");

  private SpecDocuments() {}

  static String currentText() {
    try (InputStream in =
        SpecDocuments.class.getClassLoader().getResourceAsStream(CURRENT_RESOURCE)) {
      Objects.requireNonNull(in, CURRENT_RESOURCE + " is not on the test classpath");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a spec as openapi-diff does, and fails the calling test on any parser message. */
  static OpenAPI parse(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return parse(text, options);
  }

  /**
   * Parses a spec without resolving any {@code $ref}, so that every part of the model sits at the
   * same JSON Pointer as in the text.
   */
  static OpenAPI parseAsWritten(String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    return parse(text, options);
  }

  private static OpenAPI parse(String text, ParseOptions options) {
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);

    assertThat(result.getMessages()).as("parser messages").isEmpty();
    return result.getOpenAPI();
  }

  /** Returns the released spec with the highest version, by its file name. */
  static Path lastReleased() {
    try (Stream<Path> files = Files.list(RELEASED_FOLDER)) {
      return files
          .filter(file -> RELEASED_NAME.matcher(file.getFileName().toString()).matches())
          .max(Comparator.comparing(SpecDocuments::releasedVersion, SpecDocuments::compare))
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "No customer-api-<version>.yaml in "
                          + RELEASED_FOLDER.toAbsolutePath()
                          + "; copy the spec of the last release there."));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the version in a released spec's file name, such as {@code 2.0}. */
  static String releasedVersion(Path file) {
    Matcher name = RELEASED_NAME.matcher(file.getFileName().toString());
    if (!name.matches()) {
      throw new IllegalArgumentException(file + " is not named customer-api-<version>.yaml");
    }
    return name.group(1);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compares dotted versions number by number, so 2.10 is newer than 2.9. */
  private static int compare(String left, String right) {
    List<Integer> leftParts = numbers(left);
    List<Integer> rightParts = numbers(right);
    for (int i = 0; i < Math.max(leftParts.size(), rightParts.size()); i++) {
      int order =
          Integer.compare(
              i < leftParts.size() ? leftParts.get(i) : 0,
              i < rightParts.size() ? rightParts.get(i) : 0);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  private static List<Integer> numbers(String version) {
    return Arrays.stream(version.split("\\.")).map(Integer::valueOf).toList();
  }
}
