package org.customerfacade.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Generated hostile inputs for {@link RequestInspector}: random plain paths with a dangerous
 * fragment inserted at a random place. A fixed seed keeps every run, and every failure,
 * reproducible.
 */
class RequestInspectorGeneratedTest {

  private static final long SEED = 20261204L;
  private static final int CASES = 120;

  private static final List<String> DANGEROUS_FRAGMENTS =
      List.of("%2F", "%2f", "%5C", "%5c", "\\", "%25", "%252e", "%00", "%0d", "%0A", "%0D%0A", ";");

  private static final List<String> DOT_SEGMENTS =
      List.of(".", "..", "%2e", "%2E", "%2e%2e", ".%2E", "%2E.", "%2E%2E");

  private static final List<String> MARKUP =
      List.of("<script>", "\"quoted\"", "<img src=x>", "a>b", "</p>");

  private final RequestInspector inspector = new RequestInspector(new RequestLimitsProperties());

  static Stream<String> pathsWithDangerousFragment() {
    Random random = new Random(SEED);
    return IntStream.range(0, CASES)
        .mapToObj(i -> insert(random, plainPath(random), pick(random, DANGEROUS_FRAGMENTS)));
  }

  static Stream<String> pathsWithDotSegment() {
    Random random = new Random(SEED + 1);
    return IntStream.range(0, CASES / 2).mapToObj(i -> pathWithDotSegment(random));
  }

  static Stream<String> headerValuesWithControlCharacter() {
    Random random = new Random(SEED + 2);
    return IntStream.range(0, CASES / 2)
        .mapToObj(i -> insert(random, word(random), String.valueOf(controlCharacter(random))));
  }

  static Stream<String> pathsWithMarkup() {
    Random random = new Random(SEED + 3);
    return IntStream.range(0, CASES / 4)
        .mapToObj(i -> plainPath(random) + pick(random, MARKUP) + "%2F");
  }

  @ParameterizedTest
  @MethodSource("pathsWithDangerousFragment")
  void dangerousFragmentIsRejected(String path) {
    assertThat(inspector.checkUrl(path, null))
        .hasValueSatisfying(
            rejection -> assertThat(rejection.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
  }

  @ParameterizedTest
  @MethodSource("pathsWithDotSegment")
  void dotSegmentIsRejected(String path) {
    assertThat(inspector.checkUrl(path, null)).isPresent();
  }

  @ParameterizedTest
  @MethodSource("headerValuesWithControlCharacter")
  void controlCharacterInHeaderIsRejected(String value) {
    HttpHeaders headers = new HttpHeaders();
    headers.add("X-Note", value);

    assertThat(inspector.checkHeaders(headers)).isPresent();
  }

  @ParameterizedTest
  @MethodSource("pathsWithMarkup")
  void detailNeverQuotesRawMarkup(String path) {
    assertThat(inspector.checkUrl(path, null))
        .hasValueSatisfying(
            rejection ->
                assertThat(rejection.getBody().getDetail()).doesNotContain("<", ">", "\""));
  }

  @ParameterizedTest
  @MethodSource("plainPaths")
  void plainPathIsAccepted(String path) {
    assertThat(inspector.checkUrl(path, "email=someone%40example.com")).isEmpty();
  }

  static Stream<String> plainPaths() {
    Random random = new Random(SEED + 4);
    return IntStream.range(0, CASES / 4).mapToObj(i -> plainPath(random));
  }

  private static String plainPath(Random random) {
    List<String> segments = new ArrayList<>();
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      segments.add(word(random));
    }
    return "/" + String.join("/", segments);
  }

  private static String pathWithDotSegment(Random random) {
    List<String> segments = new ArrayList<>(List.of(plainPath(random).substring(1).split("/")));
    segments.add(random.nextInt(segments.size() + 1), pick(random, DOT_SEGMENTS));
    return "/" + String.join("/", segments);
  }

  private static String word(Random random) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_~";
    StringBuilder word = new StringBuilder();
    int length = 1 + random.nextInt(10);
    for (int i = 0; i < length; i++) {
      word.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return word.toString();
  }

  private static char controlCharacter(Random random) {
    int c = random.nextInt(0x21);
    if (c == 0x20) {
      return 0x7F;
    }
    return c == '\t' ? '\n' : (char) c;
  }

  /** Inserts a fragment after the leading character, so a path keeps its leading slash. */
  private static String insert(Random random, String text, String fragment) {
    int at = 1 + random.nextInt(text.length());
    return text.substring(0, at) + fragment + text.substring(at);
  }

  private static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
