package org.customerfacade.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.customerfacade.facade.HostileRequest.create;
import static org.customerfacade.facade.HostileRequest.delete;
import static org.customerfacade.facade.HostileRequest.find;
import static org.customerfacade.facade.HostileRequest.json;
import static org.customerfacade.facade.HostileRequest.retrieve;
import static org.customerfacade.facade.HostileRequest.update;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends requests that break the spec or an account's custom-field rules and checks that each gets
 * the right problem document before anything reaches the provider: the status, {@code
 * application/problem+json} with type, title, status and detail, the pointer of the field at fault,
 * text that quotes the caller's input only escaped, and no request at any WireMock endpoint.
 *
 * <p>The table lists fixed cases by rule. The property tests draw many more from generators with
 * fixed seeds, so a failure repeats on the next run.
 */
class HostileInputIntegrationTest extends FacadeIntegrationTest {

  private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();

  /** Seed of every property test; change it to explore other inputs. */
  private static final long SEED = 20261204L;

  /** Examples per property test: enough to vary, few enough for a shared 2-core machine. */
  private static final int EXAMPLES = 40;

  /** Property names of the Customer schema, which a generated unknown name must avoid. */
  private static final Set<String> CUSTOMER_FIELDS =
      Set.of(
          "id",
          "first_name",
          "last_name",
          "email",
          "phone",
          "address1",
          "address2",
          "city",
          "county",
          "postcode",
          "company",
          "country",
          "date_of_birth",
          "gender",
          "external_id",
          "public_id",
          "allow_email",
          "allow_phone",
          "allow_post",
          "created_datetime_utc",
          "modified_datetime_utc",
          "preferred_location_group",
          "preferred_language",
          "accept_policies",
          "profiling_agreement");

  /** Custom fields of the test's eu-demo account, from application.yml. */
  private static final List<String> EU_CUSTOM_FIELDS =
      List.of("cf_loyalty_tier", "cf_newsletter", "cf_shoe_size", "cf_member_since", "cf_nickname");

  @LocalServerPort int port;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileRequestIsRejectedBeforeUpstream(String name, HostileRequest request) {
    EntityExchangeResult<byte[]> result = send(request);

    assertThat(result.getStatus().value()).as("status of '%s'", name).isEqualTo(request.status());
    assertProblem(name, result, request.status(), request.pointer());
    assertNoUpstreamCall();
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    unknownMembers(cases);
    undefinedCustomFields(cases);
    wrongCustomFieldValues(cases);
    wrongStandardTypes(cases);
    tooLongValues(cases);
    nestedObjects(cases);
    malformedBodies(cases);
    contentTypes(cases);
    oversizedBodies(cases);
    invalidIds(cases);
    invalidQueries(cases);
    invalidHeaders(cases);
    return cases.stream();
  }

  private static void unknownMembers(List<Arguments> cases) {
    Map<String, String> names =
        Map.ofEntries(
            Map.entry("camel-case spelling", "firstName"),
            Map.entry("upper-case spelling", "FIRST_NAME"),
            Map.entry("v1 alias", "surname"),
            Map.entry("prefix without underscore", "cfloyalty_tier"),
            Map.entry("prefix in capitals", "CF_loyalty_tier"),
            Map.entry("prototype pollution", "__proto__"),
            Map.entry("constructor", "constructor"),
            Map.entry("empty name", ""),
            Map.entry("blank name", " "),
            Map.entry("trailing space", "email "),
            Map.entry("markup", "<script>alert(1)</script>"),
            Map.entry("pointer characters", "a/b~c"),
            Map.entry("NUL", "\\u0000"),
            Map.entry("zero-width space", "email\\u200b"),
            Map.entry("right-to-left override", "\\u202egnp.exe"),
            Map.entry("emoji", "\\ud83d\\ude00"),
            Map.entry("operator", "$where"),
            Map.entry("very long name", "n".repeat(5000)));
    names.forEach(
        (label, name) -> {
          String body = "{\"" + name + "\":\"x\"}";
          cases.add(row("create with unknown member: " + label, create(body).expect(400)));
          cases.add(row("update with unknown member: " + label, update(body).expect(400)));
        });
    cases.add(
        row(
            "create with unknown member names its pointer",
            create(json("{'nickname':'Ada'}")).expect(400, "/nickname")));
    cases.add(
        row(
            "pointer escapes tilde and slash",
            create(json("{'a/b~c':1}")).expect(400, "/a~1b~0c")));
    cases.add(
        row(
            "unknown member beside valid custom field",
            update(json("{'cf_nickname':'Ada','colour':'red'}")).expect(400, "/colour")));
  }

  private static void undefinedCustomFields(List<Arguments> cases) {
    List<String> names =
        List.of(
            "cf_unknown",
            "cf_",
            "cf_LOYALTY_TIER",
            "cf_loyalty_tier ",
            "cf_vip",
            "cf_store_region",
            "cf_test_note",
            "cf_<b>bold</b>",
            "cf_" + "x".repeat(300),
            "cf_\\u0007bell");
    for (String name : names) {
      String body = "{\"" + name + "\":\"x\"}";
      cases.add(row("create with undefined " + shortName(name), create(body).expect(422)));
    }
    cases.add(
        row(
            "update with undefined custom field",
            update(json("{'cf_colour':'red'}")).expect(422, "/cf_colour")));
    cases.add(
        row(
            "us field sent to the eu account",
            create(json("{'cf_vip':true}")).expect(422, "/cf_vip")));
    cases.add(
        row(
            "eu field sent to the us account",
            create(json("{'cf_loyalty_tier':'gold'}"))
                .header("X-Account", "us-demo")
                .expect(422, "/cf_loyalty_tier")));
    cases.add(
        row(
            "custom field sent to an account without any",
            update(json("{'cf_nickname':'Ada'}"))
                .header("X-Account", "eu-replica")
                .expect(422, "/cf_nickname")));
    cases.add(
        row(
            "null value of undefined custom field",
            create(json("{'cf_colour':null}")).expect(422, "/cf_colour")));
  }

  private static void wrongCustomFieldValues(List<Arguments> cases) {
    Map<String, List<String>> wrongValues =
        Map.of(
            "cf_loyalty_tier",
            List.of("'platinum'", "'GOLD'", "''", "' gold'", "1", "true", "['gold']", "{'v':1}"),
            "cf_newsletter",
            List.of("'true'", "1", "0", "'yes'", "[]", "{}"),
            "cf_shoe_size",
            List.of("'44'", "true", "{}", "[44]", "'1e3'", "1e400", "-1e400"),
            "cf_member_since",
            List.of(
                "'2021-02-30'",
                "'01/03/2021'",
                "'2021-3-1'",
                "20210301",
                "''",
                "true",
                "'2021-03-01T00:00:00'"),
            "cf_nickname",
            List.of("1", "false", "['Ada']", "{'name':'Ada'}"));
    wrongValues.forEach(
        (field, values) -> {
          for (String value : values) {
            String body = json("{'" + field + "':" + value + "}");
            cases.add(
                row("create with " + field + " = " + value, create(body).expect(422, "/" + field)));
          }
        });
    cases.add(
        row(
            "update with choice outside its options",
            update(json("{'cf_loyalty_tier':'diamond'}")).expect(422, "/cf_loyalty_tier")));
    cases.add(
        row(
            "update with boolean as string",
            update(json("{'cf_newsletter':'false'}")).expect(422, "/cf_newsletter")));
    cases.add(
        row(
            "us choice outside its options",
            create(json("{'cf_store_region':'north'}"))
                .header("X-Account", "us-demo")
                .expect(422, "/cf_store_region")));
    cases.add(
        row(
            "us boolean as number",
            update(json("{'cf_vip':1}")).header("X-Account", "us-demo").expect(422, "/cf_vip")));
  }

  private static void wrongStandardTypes(List<Arguments> cases) {
    List<String[]> wrong =
        List.of(
            new String[] {"first_name", "1"},
            new String[] {"first_name", "true"},
            new String[] {"first_name", "['Ada']"},
            new String[] {"first_name", "{'value':'Ada'}"},
            new String[] {"last_name", "12.5"},
            new String[] {"email", "1"},
            new String[] {"email", "'not-an-email'"},
            new String[] {"email", "'a@'"},
            new String[] {"email", "'@example.com'"},
            new String[] {"email", "'a b@example.com'"},
            new String[] {"email", "'a@@example.com'"},
            new String[] {"date_of_birth", "'1990-13-45'"},
            new String[] {"date_of_birth", "'10/12/1990'"},
            new String[] {"date_of_birth", "19901210"},
            new String[] {"date_of_birth", "'1990-02-30'"},
            new String[] {"date_of_birth", "'1990-12-10T00:00:00Z'"},
            new String[] {"gender", "'X'"},
            new String[] {"gender", "'m'"},
            new String[] {"gender", "'male'"},
            new String[] {"gender", "1"},
            new String[] {"gender", "''"},
            new String[] {"allow_email", "'yes'"},
            new String[] {"allow_email", "'true'"},
            new String[] {"allow_email", "1"},
            new String[] {"allow_phone", "0"},
            new String[] {"allow_post", "[]"},
            new String[] {"profiling_agreement", "'false'"},
            new String[] {"public_id", "'not-a-uuid'"},
            new String[] {"public_id", "42"},
            new String[] {"id", "'abc'"},
            new String[] {"id", "1.5"},
            new String[] {"id", "99999999999999999999"},
            new String[] {"accept_policies", "'12'"},
            new String[] {"accept_policies", "12"},
            new String[] {"accept_policies", "{'id':12}"});
    for (String[] field : wrong) {
      cases.add(
          row(
              "create with " + field[0] + " = " + field[1],
              create(json("{'" + field[0] + "':" + field[1] + "}")).expect(400, "/" + field[0])));
    }
    cases.add(
        row(
            "update with email not an address",
            update(json("{'email':'nobody'}")).expect(400, "/email")));
    cases.add(
        row(
            "update with gender outside the enum",
            update(json("{'gender':'Z'}")).expect(400, "/gender")));
    cases.add(
        row(
            "update with boolean as string",
            update(json("{'allow_post':'true'}")).expect(400, "/allow_post")));
    cases.add(
        row(
            "update with date in the wrong format",
            update(json("{'date_of_birth':'1990/12/10'}")).expect(400, "/date_of_birth")));
    cases.add(
        row(
            "policy id as boolean",
            create(json("{'accept_policies':[true]}")).expect(400, "/accept_policies/0")));
    cases.add(
        row(
            "policy id as fraction",
            create(json("{'accept_policies':[1.5]}")).expect(400, "/accept_policies/0")));
    cases.add(
        row(
            "policy id beyond a 64-bit integer",
            create(json("{'accept_policies':[99999999999999999999]}")).expect(400)));
  }

  private static void tooLongValues(List<Arguments> cases) {
    Map<String, Integer> maxLengths =
        Map.ofEntries(
            Map.entry("first_name", 255),
            Map.entry("last_name", 255),
            Map.entry("address1", 255),
            Map.entry("address2", 255),
            Map.entry("city", 255),
            Map.entry("county", 255),
            Map.entry("postcode", 32),
            Map.entry("company", 255),
            Map.entry("country", 64),
            Map.entry("external_id", 255),
            Map.entry("preferred_language", 8));
    maxLengths.forEach(
        (field, max) -> {
          String body = json("{'" + field + "':'" + "x".repeat(max + 1) + "'}");
          cases.add(
              row("create with " + field + " too long", create(body).expect(400, "/" + field)));
        });
    cases.add(
        row(
            "create with email too long",
            create(json("{'email':'" + "a".repeat(250) + "@example.com'}")).expect(400, "/email")));
    cases.add(
        row(
            "update with city too long",
            update(json("{'city':'" + "c".repeat(256) + "'}")).expect(400, "/city")));
    cases.add(
        row(
            "update with postcode too long",
            update(json("{'postcode':'" + "9".repeat(33) + "'}")).expect(400, "/postcode")));
    cases.add(
        row(
            "language code of emoji too long",
            create(json("{'preferred_language':'" + "\uD83D\uDE00".repeat(9) + "'}"))
                .expect(400, "/preferred_language")));
  }

  private static void nestedObjects(List<Arguments> cases) {
    cases.add(row("phone as string", create(json("{'phone':'+44 7123'}")).expect(400, "/phone")));
    cases.add(
        row(
            "phone with unknown member",
            create(json("{'phone':{'number':'1','extension':'9'}}")).expect(400)));
    cases.add(
        row(
            "phone country code too long",
            create(json("{'phone':{'country_code':'12345'}}")).expect(400, "/phone/country_code")));
    cases.add(
        row(
            "phone number too long",
            update(json("{'phone':{'number':'" + "1".repeat(21) + "'}}"))
                .expect(400, "/phone/number")));
    cases.add(
        row(
            "phone number as number",
            create(json("{'phone':{'number':7123456789}}")).expect(400, "/phone/number")));
    cases.add(
        row(
            "location group id as string",
            create(json("{'preferred_location_group':{'id':'x'}}"))
                .expect(400, "/preferred_location_group/id")));
    cases.add(
        row(
            "location group id as fraction",
            update(json("{'preferred_location_group':{'id':1.5}}"))
                .expect(400, "/preferred_location_group/id")));
    cases.add(
        row(
            "location group with unknown member",
            create(json("{'preferred_location_group':{'id':1,'owner':'x'}}")).expect(400)));
  }

  private static void malformedBodies(List<Arguments> cases) {
    Map<String, String> bodies =
        Map.ofEntries(
            Map.entry("empty body", ""),
            Map.entry("unterminated object", "{"),
            Map.entry("array instead of object", "[]"),
            Map.entry("JSON null", "null"),
            Map.entry("JSON string", "\"Ada\""),
            Map.entry("JSON number", "123"),
            Map.entry("two objects", "{}{}"),
            Map.entry("trailing garbage", "{} x"),
            Map.entry("trailing comma", "{\"first_name\":\"Ada\",}"),
            Map.entry("single quotes", "{'first_name':'Ada'}"),
            Map.entry("duplicate key", "{\"email\":\"a@example.com\",\"email\":\"b@example.com\"}"),
            Map.entry("NaN literal", "{\"cf_shoe_size\":NaN}"),
            Map.entry("comment", "{/* x */\"first_name\":\"Ada\"}"),
            Map.entry("raw control character in string", "{\"first_name\":\"A\u0001da\"}"),
            Map.entry("unquoted name", "{first_name:\"Ada\"}"),
            Map.entry(
                "deep nesting", "{\"cf_nickname\":" + "[".repeat(3000) + "]".repeat(3000) + "}"));
    bodies.forEach(
        (label, body) -> {
          cases.add(row("create with " + label, create(body).expect(400)));
        });
    cases.add(row("update with empty body", update("").expect(400)));
    cases.add(row("update with unterminated object", update("{\"city\":").expect(400)));
    cases.add(row("update with array", update("[{\"city\":\"Bath\"}]").expect(400)));
    cases.add(row("update with only whitespace", update("  \n  ").expect(400)));
  }

  private static void contentTypes(List<Arguments> cases) {
    List<String> types =
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json-patch+json",
            "text/html");
    for (String type : types) {
      cases.add(
          row(
              "create as " + type,
              create(json("{'first_name':'Ada'}")).contentType(type).expect(415)));
    }
    cases.add(
        row(
            "update as text/plain",
            update(json("{'city':'Bath'}")).contentType("text/plain").expect(415)));
    cases.add(
        row(
            "create without content type",
            create(json("{'first_name':'Ada'}")).contentType(null).expect(415)));
  }

  private static void oversizedBodies(List<Arguments> cases) {
    String huge = "x".repeat(300 * 1024);
    cases.add(
        row(
            "create with a 300 KB first name",
            create(json("{'first_name':'" + huge + "'}")).expect(413)));
    cases.add(
        row(
            "create with a 300 KB custom field",
            create(json("{'cf_nickname':'" + huge + "'}")).expect(413)));
    cases.add(
        row("update with a 300 KB city", update(json("{'city':'" + huge + "'}")).expect(413)));
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < 30_000; i++) {
      many.append(i == 0 ? "" : ",").append("\"cf_").append(i).append("\":1");
    }
    cases.add(row("create with 30000 members", create(many.append('}').toString()).expect(413)));
  }

  private static void invalidIds(List<Arguments> cases) {
    List<String> ids =
        List.of(
            "0",
            "-1",
            "abc",
            "1.5",
            "1e3",
            "99999999999999999999",
            "%20",
            "0x10",
            "%2B1",
            "1%00",
            "%D9%A3",
            "1,2",
            "-0",
            "9223372036854775808",
            "%201",
            "1%20",
            "%091");
    for (String id : ids) {
      cases.add(row("retrieve id " + id, retrieve("/customer/" + id).expect(400, "id")));
    }
    for (String id : List.of("0", "-5", "abc", "1e3")) {
      cases.add(
          row(
              "update id " + id,
              HostileRequest.withBody(HttpMethod.PUT, "/customer/" + id, json("{'city':'Bath'}"))
                  .expect(400, "id")));
      cases.add(row("delete id " + id, delete("/customer/" + id).expect(400, "id")));
    }
  }

  private static void invalidQueries(List<Arguments> cases) {
    cases.add(row("find without criteria", find("").expect(400, "email")));
    cases.add(row("find with blank email", find("email=").expect(400, "email")));
    cases.add(row("find with blank external id", find("external_id=%20").expect(400)));
    cases.add(row("find with invalid email", find("email=not-an-email").expect(400, "email")));
    cases.add(
        row(
            "find with email too long",
            find("email=" + "a".repeat(250) + "%40example.com").expect(400, "email")));
    cases.add(
        row(
            "find with external id too long",
            find("external_id=" + "e".repeat(256)).expect(400, "external_id")));
    cases.add(row("find with public id not a UUID", find("public_id=abc").expect(400)));
    cases.add(row("find with public id a number", find("public_id=123").expect(400)));
    cases.add(
        row(
            "find with markup in email",
            find("email=%3Cscript%3Ealert(1)%3C%2Fscript%3E").expect(400, "email")));
    cases.add(
        row(
            "find with control character in email",
            find("email=a%07b%40example.com").expect(400, "email")));
  }

  private static void invalidHeaders(List<Arguments> cases) {
    cases.add(
        row(
            "old API version",
            retrieve("/customer/1").header("x-api-version", "1.0").expect(400, "x-api-version")));
    cases.add(
        row(
            "API version with markup",
            retrieve("/customer/1")
                .header("x-api-version", "<b>2.0</b>")
                .expect(400, "x-api-version")));
    cases.add(
        row(
            "missing API version",
            retrieve("/customer/1").header("x-api-version", null).expect(400, "x-api-version")));
    cases.add(
        row(
            "idempotency key with a space",
            create(json("{'first_name':'Ada'}"))
                .header("Idempotency-Key", "a b")
                .expect(400, "Idempotency-Key")));
    cases.add(
        row(
            "idempotency key too long",
            create(json("{'first_name':'Ada'}"))
                .header("Idempotency-Key", "k".repeat(256))
                .expect(400, "Idempotency-Key")));
    cases.add(
        row(
            "account the consumer may not use",
            retrieve("/customer/1").header("X-Account", "sandbox-demo").expect(403, "X-Account")));
    cases.add(
        row(
            "account name with markup",
            create(json("{'first_name':'Ada'}"))
                .header("X-Account", "<img src=x onerror=alert(1)>")
                .expect(403, "X-Account")));
    cases.add(
        row(
            "region override without permission",
            retrieve("/customer/1").header("X-Region", "US").expect(403, "X-Region")));
    cases.add(
        row(
            "unknown consumer",
            retrieve("/customer/1").header("X-Consumer-Id", "intruder").expect(403)));
    cases.add(
        row("missing consumer", retrieve("/customer/1").header("X-Consumer-Id", null).expect(401)));
    cases.add(
        row(
            "write with account of another consumer",
            update(json("{'city':'Bath'}"))
                .header("X-Account", "sandbox-demo")
                .expect(403, "X-Account")));
  }

  @Test
  void manyUnknownMembersListOnlyTheFirst() {
    StringBuilder body = new StringBuilder("{");
    for (int i = 0; i < 50; i++) {
      body.append(i == 0 ? "" : ",").append("\"extra_").append(i).append("\":").append(i);
    }

    EntityExchangeResult<byte[]> result = send(create(body.append('}').toString()).expect(400));

    assertThat(result.getStatus().value()).isEqualTo(400);
    JsonNode problem = JSON_MAPPER.readTree(result.getResponseBodyContent());
    assertThat(problem.path("errors").size()).isEqualTo(20);
    assertThat(problem.path("detail").asString()).contains("50 member(s)");
    assertNoUpstreamCall();
  }

  @Test
  void unknownMemberNamesAreRejected() {
    Gen<String> names =
        strings()
            .allPossible()
            .ofLengthBetween(1, 40)
            .assuming(name -> !name.startsWith("cf_") && !CUSTOMER_FIELDS.contains(name));

    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(names, jsonValues())
        .checkAssert(
            (name, value) -> {
              EntityExchangeResult<byte[]> result = send(create(body(name, value)));

              assertThat(result.getStatus().value()).isEqualTo(400);
              assertProblem(String.valueOf(result.getUrl()), result, 400, null);
              assertNoUpstreamCall();
            });
  }

  @Test
  void undefinedCustomFieldsAreRejected() {
    Gen<String> names =
        strings()
            .allPossible()
            .ofLengthBetween(0, 40)
            .map(suffix -> "cf_" + suffix)
            .assuming(name -> !EU_CUSTOM_FIELDS.contains(name));

    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(names, jsonValues())
        .checkAssert(
            (name, value) -> {
              EntityExchangeResult<byte[]> result = send(update(body(name, value)));

              assertThat(result.getStatus().value()).isEqualTo(422);
              assertProblem(String.valueOf(result.getUrl()), result, 422, null);
              assertNoUpstreamCall();
            });
  }

  @Test
  void wrongCustomFieldValuesAreRejected() {
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(Generate.pick(EU_CUSTOM_FIELDS), jsonValues())
        .assuming((field, value) -> !fits(field, value))
        .checkAssert(
            (field, value) -> {
              EntityExchangeResult<byte[]> result = send(create(body(field, value)));

              assertThat(result.getStatus().value()).isEqualTo(422);
              assertProblem(String.valueOf(result.getUrl()), result, 422, "/" + field);
              assertNoUpstreamCall();
            });
  }

  @Test
  void idsThatAreNotPositiveIntegersAreRejected() {
    Gen<String> ids =
        Generate.oneOf(
            longs().between(Long.MIN_VALUE, 0).map((Long id) -> Long.toString(id)),
            strings()
                .allPossible()
                .ofLengthBetween(1, 30)
                .assuming(id -> !id.chars().allMatch(Character::isDigit)));

    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(ids)
        .checkAssert(
            id -> {
              EntityExchangeResult<byte[]> result = send(retrieve("/customer/" + encode(id)));

              assertThat(result.getStatus().value()).isIn(400, 404);
              assertProblem(
                  String.valueOf(result.getUrl()), result, result.getStatus().value(), null);
              assertNoUpstreamCall();
            });
  }

  @Test
  void lookupsByInvalidEmailAreRejected() {
    Gen<String> emails =
        strings().allPossible().ofLengthBetween(1, 60).assuming(text -> !text.contains("@"));

    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(emails)
        .checkAssert(
            email -> {
              EntityExchangeResult<byte[]> result = send(find("email=" + encode(email)));

              assertThat(result.getStatus().value()).isEqualTo(400);
              assertProblem(String.valueOf(result.getUrl()), result, 400, null);
              assertNoUpstreamCall();
            });
  }

  @Test
  void tooLongStandardFieldsAreRejected() {
    Gen<String> fields = Generate.pick(List.of("first_name", "last_name", "city", "company"));
    Gen<Integer> lengths = integers().between(256, 4000);

    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(fields, lengths, strings().betweenCodePoints(0x20, 0xD7FF).ofLength(1))
        .checkAssert(
            (field, length, character) -> {
              String body = body(field, character.repeat(length));
              EntityExchangeResult<byte[]> result = send(update(body));

              assertThat(result.getStatus().value()).isEqualTo(400);
              assertProblem(String.valueOf(result.getUrl()), result, 400, "/" + field);
              assertNoUpstreamCall();
            });
  }

  @Test
  void foreignAccountHeadersAreRejected() {
    Gen<String> accounts =
        strings()
            .betweenCodePoints(0x21, 0x7E)
            .ofLengthBetween(1, 60)
            .assuming(account -> !List.of("eu-demo", "us-demo", "eu-replica").contains(account));

    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .forAll(accounts)
        .checkAssert(
            account -> {
              EntityExchangeResult<byte[]> result =
                  send(retrieve("/customer/1001").header("X-Account", account));

              assertThat(result.getStatus().value()).isEqualTo(403);
              assertProblem(String.valueOf(result.getUrl()), result, 403, "X-Account");
              assertNoUpstreamCall();
            });
  }

  /** Values of every JSON type, including nasty strings, huge numbers and nested containers. */
  private static Gen<Object> jsonValues() {
    Gen<Object> text = strings().allPossible().ofLengthBetween(0, 30).map(value -> (Object) value);
    Gen<Object> numbers =
        Generate.pick(
            List.<Object>of(
                0, -1, Long.MAX_VALUE, Double.MAX_VALUE, 1e-300, BigInteger.TEN.pow(40)));
    Gen<Object> other =
        Generate.pick(
            List.<Object>of(
                true,
                false,
                List.of(),
                List.of("gold"),
                Map.of("nested", Map.of("deeper", List.of(1, 2))),
                "2021-02-30",
                "<script>alert(1)</script>",
                "\u0000\u001b[31m",
                "\u202egnp.exe"));
    return Generate.oneOf(text, numbers, other);
  }

  /** Returns whether a value is valid for one of the eu-demo account's custom fields. */
  private static boolean fits(String field, Object value) {
    return switch (field) {
      case "cf_loyalty_tier" -> List.of("bronze", "silver", "gold").contains(value);
      case "cf_newsletter" -> value instanceof Boolean;
      case "cf_shoe_size" -> value instanceof Number;
      case "cf_member_since" -> value instanceof String text && isDate(text);
      default -> value instanceof String;
    };
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException notADate) {
      return false;
    }
  }

  private static String body(String name, Object value) {
    return JSON_MAPPER.writeValueAsString(Map.of(name, value));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String shortName(String name) {
    return name.length() > 40 ? name.substring(0, 40) + "…" : name;
  }

  private static Arguments row(String name, HostileRequest request) {
    return Arguments.of(name, request);
  }

  private EntityExchangeResult<byte[]> send(HostileRequest request) {
    WebTestClient.RequestBodySpec spec =
        client
            .method(request.method())
            .uri(URI.create("http://127.0.0.1:" + port + request.path()));
    request
        .headers()
        .forEach(
            (name, value) -> {
              if (value != null) {
                spec.header(name, value);
              }
            });
    WebTestClient.RequestHeadersSpec<?> ready =
        request.body() == null ? spec : spec.bodyValue(request.body());
    return ready.exchange().expectBody().returnResult();
  }

  private static void assertProblem(
      String label, EntityExchangeResult<byte[]> result, int status, @Nullable String pointer) {
    assertThat(result.getResponseHeaders().getContentType())
        .as("content type of '%s'", label)
        .isNotNull()
        .satisfies(
            type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
    JsonNode problem = JSON_MAPPER.readTree(result.getResponseBodyContent());
    assertThat(problem.path("type").asString()).as("type of '%s'", label).isNotBlank();
    assertThat(problem.path("title").asString()).as("title of '%s'", label).isNotBlank();
    assertThat(problem.path("status").asInt()).as("status member of '%s'", label).isEqualTo(status);
    assertThat(problem.path("detail").asString()).as("detail of '%s'", label).isNotBlank();
    assertSafe(problem.path("detail").asString());
    for (JsonNode error : problem.path("errors")) {
      assertThat(error.path("detail").asString()).as("error detail").isNotBlank();
      assertSafe(error.path("pointer").asString());
      assertSafe(error.path("detail").asString());
    }
    if (pointer != null) {
      List<String> pointers = new ArrayList<>();
      problem.path("errors").forEach(error -> pointers.add(error.path("pointer").asString()));
      assertThat(pointers).as("error pointers of '%s'", label).contains(pointer);
    }
    assertThat(result.getResponseBodyContent().length)
        .as("problem size of '%s'", label)
        .isLessThan(16 * 1024);
  }

  /** Checks that text shown to the caller contains no raw control character and no markup. */
  private static void assertSafe(String text) {
    assertThat(text.chars().filter(Character::isISOControl).count())
        .as("control characters in %s", text)
        .isZero();
    assertThat(text).as("markup").doesNotContain("<", ">");
  }

  private void assertNoUpstreamCall() {
    assertThat(euPrimary.getAllServeEvents()).as("requests at the EU primary").isEmpty();
    assertThat(euSecondary.getAllServeEvents()).as("requests at the EU secondary").isEmpty();
    assertThat(us.getAllServeEvents()).as("requests at the US endpoint").isEmpty();
  }
}
