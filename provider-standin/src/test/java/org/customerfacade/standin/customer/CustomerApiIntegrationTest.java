package org.customerfacade.standin.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.customerfacade.standin.support.StandinServerSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class CustomerApiIntegrationTest extends StandinServerSupport {

  private static final String NEW_CUSTOMER =
      """
      {"first_name": "Grace", "last_name": "Hopper", "email": "grace.hopper@example.com",
       "city": "Arlington", "external_id": "crm-100", "allow_email": true}
      """;

  @Test
  void createAssignsGeneratedFields() {
    customerApi("eu-1")
        .post()
        .uri("/customer")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(NEW_CUSTOMER)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectHeader()
        .location("/customer/1002")
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo(1002)
        .jsonPath("$.public_id")
        .value(String.class, id -> assertThat(id).matches("[0-9a-f-]{36}"))
        .jsonPath("$.created_datetime_utc")
        .isEqualTo(START_TIMESTAMP)
        .jsonPath("$.modified_datetime_utc")
        .isEqualTo(START_TIMESTAMP)
        .jsonPath("$.first_name")
        .isEqualTo("Grace")
        .jsonPath("$.allow_email")
        .isEqualTo(true)
        .jsonPath("$.allow_phone")
        .isEqualTo(false)
        .jsonPath("$.allow_post")
        .isEqualTo(false);
  }

  @Test
  void createIgnoresReadOnlyFieldsAndHidesPolicies() {
    String body =
        """
        {"id": 77, "public_id": "6f1c2a8e-3b4d-4e5f-9a01-23456789abcd",
         "created_datetime_utc": "2001-01-01T00:00:00", "first_name": "Grace",
         "accept_policies": [12, 13]}
        """;

    Map<String, Object> created =
        post("eu-1", body)
            .expectStatus()
            .isCreated()
            .expectBody(JSON_OBJECT)
            .returnResult()
            .getResponseBody();

    assertThat(created.get("id")).isEqualTo(1002);
    assertThat(created.get("public_id")).isNotEqualTo("6f1c2a8e-3b4d-4e5f-9a01-23456789abcd");
    assertThat(created.get("created_datetime_utc")).isEqualTo(START_TIMESTAMP);
    assertThat(created).doesNotContainKey("accept_policies");
  }

  @Test
  void getReturnsEveryCustomFieldWithDefaults() {
    long id = createCustomer("eu-1", "{\"first_name\": \"Grace\", \"cf_loyalty_tier\": \"gold\"}");

    customerApi("eu-1")
        .get()
        .uri("/customer/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cf_loyalty_tier")
        .isEqualTo("gold")
        .jsonPath("$.cf_newsletter")
        .isEqualTo(false)
        .jsonPath("$.cf_shoe_size")
        .isEqualTo("")
        .jsonPath("$.cf_member_since")
        .isEqualTo("")
        .jsonPath("$.cf_nickname")
        .isEqualTo("");
  }

  @Test
  void getReturnsSeedCustomer() {
    customerApi("eu-1")
        .get()
        .uri("/customer/1001")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.external_id")
        .isEqualTo("seed-eu-1")
        .jsonPath("$.cf_loyalty_tier")
        .isEqualTo("silver");
  }

  @Test
  void getMissingCustomerReturnsNotFoundProblem() {
    customerApi("eu-1")
        .get()
        .uri("/customer/4242")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(404)
        .jsonPath("$.title")
        .isEqualTo("Not Found")
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).contains("4242"));
  }

  @Test
  void findMatchesEmailIgnoringCase() {
    long id = createCustomer("eu-1", NEW_CUSTOMER);

    List<?> found = find("email=GRACE.Hopper@Example.com");

    assertThat(found).hasSize(1);
    assertThat((Object) ((Map<?, ?>) found.get(0)).get("id")).isEqualTo((int) id);
  }

  @Test
  void findMatchesExternalId() {
    long id = createCustomer("eu-1", NEW_CUSTOMER);

    List<?> found = find("external_id=crm-100");

    assertThat(found).hasSize(1);
    assertThat((Object) ((Map<?, ?>) found.get(0)).get("id")).isEqualTo((int) id);
  }

  @Test
  void findMatchesPublicId() {
    Map<String, Object> created =
        post("eu-1", NEW_CUSTOMER).expectBody(JSON_OBJECT).returnResult().getResponseBody();

    List<?> found = find("public_id=" + created.get("public_id"));

    assertThat(found).hasSize(1);
    assertThat((Object) ((Map<?, ?>) found.get(0)).get("id")).isEqualTo(created.get("id"));
  }

  @Test
  void findRequiresEveryCriterionToMatch() {
    createCustomer("eu-1", NEW_CUSTOMER);

    List<?> found = find("email=grace.hopper@example.com&external_id=crm-other");

    assertThat(found).isEmpty();
  }

  @Test
  void findWithoutCriteriaNamesTheParameters() {
    customerApi("eu-1")
        .get()
        .uri("/customer")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(
            String.class,
            detail -> assertThat(detail).contains("email", "external_id", "public_id"));
  }

  @Test
  void findWithInvalidEmailPointsAtParameter() {
    customerApi("eu-1")
        .get()
        .uri("/customer?email=not-an-email")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("email");
  }

  @Test
  void updateChangesOnlyPresentFields() {
    long id = createCustomer("eu-1", NEW_CUSTOMER);
    clock.advance(Duration.ofHours(1));

    customerApi("eu-1")
        .put()
        .uri("/customer/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"city\": \"Bristol\", \"allow_post\": true, \"cf_nickname\": \"Amazing\"}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.city")
        .isEqualTo("Bristol")
        .jsonPath("$.allow_post")
        .isEqualTo(true)
        .jsonPath("$.first_name")
        .isEqualTo("Grace")
        .jsonPath("$.email")
        .isEqualTo("grace.hopper@example.com")
        .jsonPath("$.allow_email")
        .isEqualTo(true)
        .jsonPath("$.cf_nickname")
        .isEqualTo("Amazing")
        .jsonPath("$.created_datetime_utc")
        .isEqualTo(START_TIMESTAMP)
        .jsonPath("$.modified_datetime_utc")
        .isEqualTo("2026-03-14T10:26:53");
  }

  @Test
  void updateMergesCustomFieldsAndNullClearsOne() {
    long id =
        createCustomer(
            "eu-1",
            "{\"cf_loyalty_tier\": \"gold\", \"cf_shoe_size\": 42, \"cf_nickname\": \"A\"}");

    customerApi("eu-1")
        .put()
        .uri("/customer/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"cf_shoe_size\": 43.5, \"cf_nickname\": null}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.cf_loyalty_tier")
        .isEqualTo("gold")
        .jsonPath("$.cf_shoe_size")
        .isEqualTo(43.5)
        .jsonPath("$.cf_nickname")
        .isEqualTo("");
  }

  @Test
  void updateMissingCustomerReturnsNotFound() {
    customerApi("eu-1")
        .put()
        .uri("/customer/4242")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"city\": \"Bristol\"}")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void deleteRemovesCustomer() {
    long id = createCustomer("eu-1", NEW_CUSTOMER);

    customerApi("eu-1").delete().uri("/customer/{id}", id).exchange().expectStatus().isNoContent();

    customerApi("eu-1").get().uri("/customer/{id}", id).exchange().expectStatus().isNotFound();
    customerApi("eu-1").delete().uri("/customer/{id}", id).exchange().expectStatus().isNotFound();
  }

  @Test
  void createWithDuplicateExternalIdConflicts() {
    createCustomer("eu-1", NEW_CUSTOMER);

    post("eu-1", NEW_CUSTOMER)
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).contains("crm-100"));
  }

  @Test
  void updateToDuplicateExternalIdConflicts() {
    long id = createCustomer("eu-1", NEW_CUSTOMER);

    customerApi("eu-1")
        .put()
        .uri("/customer/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"external_id\": \"seed-eu-1\"}")
        .exchange()
        .expectStatus()
        .isEqualTo(409);
  }

  @Test
  void updateKeepingOwnExternalIdSucceeds() {
    long id = createCustomer("eu-1", NEW_CUSTOMER);

    customerApi("eu-1")
        .put()
        .uri("/customer/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"external_id\": \"crm-100\"}")
        .exchange()
        .expectStatus()
        .isOk();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"email\": \"not-an-email\"}                 | /email",
        "{\"email\": \"ada@localhost\"}                | /email",
        "{\"date_of_birth\": \"1990-13-45\"}           | /date_of_birth",
        "{\"date_of_birth\": \"10/12/1990\"}           | /date_of_birth",
        "{\"gender\": \"X\"}                           | /gender",
        "{\"allow_email\": \"yes please\"}             | /allow_email",
        "{\"nickname\": \"Ace\"}                       | /nickname",
        "{\"phone\": {\"number\": [1]}}            | /phone/number"
      })
  void createRejectsInvalidField(String body, String pointer) {
    post("eu-1", body)
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(400)
        .jsonPath("$.errors[0].pointer")
        .isEqualTo(pointer)
        .jsonPath("$.errors[0].detail")
        .isNotEmpty();
  }

  @Test
  void updateRejectsInvalidEmail() {
    customerApi("eu-1")
        .put()
        .uri("/customer/1001")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\": \"broken@\"}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("/email");
  }

  @Test
  void createRejectsMalformedJson() {
    post("eu-1", "{\"first_name\": ")
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(String.class, detail -> assertThat(detail).contains("not valid JSON"));
  }

  @Test
  void createRejectsMissingBody() {
    customerApi("eu-1")
        .post()
        .uri("/customer")
        .contentType(MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @ParameterizedTest
  @CsvSource({"abc", "0", "-5"})
  void getRejectsIdThatIsNotPositiveInteger(String id) {
    customerApi("eu-1")
        .get()
        .uri("/customer/" + id)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("id");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"cf_colour\": \"red\"}              | /cf_colour",
        "{\"cf_newsletter\": \"yes\"}          | /cf_newsletter",
        "{\"cf_shoe_size\": \"44\"}            | /cf_shoe_size",
        "{\"cf_member_since\": \"01/02/2020\"} | /cf_member_since",
        "{\"cf_member_since\": \"2020-02-30\"} | /cf_member_since",
        "{\"cf_loyalty_tier\": \"platinum\"}   | /cf_loyalty_tier",
        "{\"cf_nickname\": 5}                  | /cf_nickname",
        "{\"accept_policies\": [12, 99]}       | /accept_policies/1"
      })
  void createRejectsInvalidCustomFieldOrPolicy(String body, String pointer) {
    post("eu-1", body)
        .expectStatus()
        .isEqualTo(422)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo(pointer);
  }

  @Test
  void createAcceptsEveryCustomFieldType() {
    String body =
        """
        {"cf_loyalty_tier": "bronze", "cf_newsletter": true, "cf_shoe_size": 44,
         "cf_member_since": "2020-02-29", "cf_nickname": "Gracie"}
        """;

    post("eu-1", body)
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.cf_loyalty_tier")
        .isEqualTo("bronze")
        .jsonPath("$.cf_newsletter")
        .isEqualTo(true)
        .jsonPath("$.cf_shoe_size")
        .isEqualTo(44)
        .jsonPath("$.cf_member_since")
        .isEqualTo("2020-02-29")
        .jsonPath("$.cf_nickname")
        .isEqualTo("Gracie");
  }

  @Test
  void customFieldOfAnotherInstanceIsRejected() {
    post("us-1", "{\"cf_loyalty_tier\": \"gold\"}")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].pointer")
        .isEqualTo("/cf_loyalty_tier");
  }

  private WebTestClient.ResponseSpec post(String endpointName, String body) {
    return customerApi(endpointName)
        .post()
        .uri("/customer")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private List<?> find(String query) {
    return customerApi("eu-1")
        .get()
        .uri("/customer?" + query)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(List.class)
        .returnResult()
        .getResponseBody();
  }
}
