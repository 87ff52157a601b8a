package org.customerfacade.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CustomerApiSpecTest {

  private static final String SPEC_RESOURCE = "openapi/customer-api.yaml";

  private static SwaggerParseResult result;
  private static OpenAPI api;

  @BeforeAll
  static void parseSpec() {
    var options = new ParseOptions();
    options.setResolve(true);
    String location =
        Objects.requireNonNull(
                CustomerApiSpecTest.class.getClassLoader().getResource(SPEC_RESOURCE))
            .toString();

    result = new OpenAPIV3Parser().readLocation(location, null, options);
    api = result.getOpenAPI();
  }

  @Test
  void specParsesWithoutMessages() {
    assertThat(result.getMessages()).isEmpty();
    assertThat(api).isNotNull();
    assertThat(api.getOpenapi()).isEqualTo("3.0.3");
  }

  @Test
  void customerSchemaHasEveryProviderField() {
    Schema<?> customer = api.getComponents().getSchemas().get("Customer");

    assertThat(customer.getProperties())
        .containsOnlyKeys(
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
    assertThat(customer.getAdditionalProperties()).isEqualTo(true);
  }

  @Test
  void generatedFieldsAreReadOnly() {
    Map<String, Schema> properties =
        api.getComponents().getSchemas().get("Customer").getProperties();

    for (String name :
        List.of("id", "public_id", "created_datetime_utc", "modified_datetime_utc")) {
      assertThat(properties.get(name).getReadOnly()).as(name).isTrue();
    }
    assertThat(properties.get("accept_policies").getWriteOnly()).isTrue();
  }

  @Test
  void fieldFormatsMatchProviderTypes() {
    Map<String, Schema> properties =
        api.getComponents().getSchemas().get("Customer").getProperties();

    assertThat(properties.get("email").getFormat()).isEqualTo("email");
    assertThat(properties.get("date_of_birth").getFormat()).isEqualTo("date");
    assertThat(properties.get("public_id").getFormat()).isEqualTo("uuid");
    assertThat(properties.get("gender").getEnum()).containsExactly("M", "F", "O", "U");
    for (String consent : List.of("allow_email", "allow_phone", "allow_post")) {
      assertThat(properties.get(consent).getDefault()).as(consent).isEqualTo(false);
    }
  }

  @Test
  void updateSchemaLeavesAbsentFieldsAlone() {
    Map<String, Schema> properties =
        api.getComponents().getSchemas().get("CustomerUpdate").getProperties();

    assertThat(properties.values())
        .allSatisfy(property -> assertThat(property.getDefault()).isNull());
    assertThat(properties).doesNotContainKeys("id", "public_id", "created_datetime_utc");
    assertThat(properties).containsKeys("allow_email", "email", "accept_policies");
  }

  @Test
  void everyOperationRequiresApiVersionHeader() {
    operations()
        .forEach(
            operation ->
                assertThat(operation.getParameters())
                    .as(operation.getOperationId())
                    .anySatisfy(
                        parameter -> {
                          assertThat(parameter.getName()).isEqualTo("x-api-version");
                          assertThat(parameter.getIn()).isEqualTo("header");
                          assertThat(parameter.getRequired()).isTrue();
                        }));
  }

  @Test
  void everyOperationDocumentsProblemResponses() {
    List<String> always = List.of("400", "401", "403", "429", "500", "502", "503", "504");

    operations()
        .forEach(
            operation -> {
              assertThat(operation.getResponses())
                  .as(operation.getOperationId())
                  .containsKeys(always.toArray(String[]::new));
              operation.getResponses().entrySet().stream()
                  .filter(entry -> entry.getKey().startsWith("4") || entry.getKey().startsWith("5"))
                  .forEach(
                      entry ->
                          assertThat(resolve(entry.getValue()).getContent())
                              .as(operation.getOperationId() + " " + entry.getKey())
                              .containsKey("application/problem+json"));
            });
  }

  @Test
  void everyOperationHasAnExample() {
    operations()
        .forEach(
            operation -> {
              boolean hasExample =
                  operation.getResponses().values().stream()
                      .map(CustomerApiSpecTest::resolve)
                      .filter(response -> response.getContent() != null)
                      .flatMap(response -> response.getContent().values().stream())
                      .anyMatch(CustomerApiSpecTest::hasExample);
              assertThat(hasExample).as(operation.getOperationId()).isTrue();
            });
  }

  @Test
  void operationsCoverTheCustomerLifecycle() {
    assertThat(operations().map(Operation::getOperationId))
        .containsExactlyInAnyOrder(
            "createCustomer", "findCustomers", "getCustomer", "updateCustomer", "deleteCustomer");
    assertThat(api.getPaths().get("/customer").getPost().getResponses()).containsKey("201");
    assertThat(api.getPaths().get("/customer/{id}").getDelete().getResponses()).containsKey("204");
  }

  @Test
  void securitySchemesCoverApiKeyAndBearer() {
    var schemes = api.getComponents().getSecuritySchemes();

    assertThat(schemes.get("ApiKeyAuth").getName()).isEqualTo("Authorization");
    assertThat(schemes.get("BearerAuth").getScheme()).isEqualTo("bearer");
  }

  /** Follows a {@code $ref} to a shared response, which the parser leaves unresolved. */
  private static ApiResponse resolve(ApiResponse response) {
    if (response.get$ref() == null) {
      return response;
    }
    String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
    return api.getComponents().getResponses().get(name);
  }

  private static boolean hasExample(MediaType mediaType) {
    return mediaType.getExample() != null
        || (mediaType.getExamples() != null && !mediaType.getExamples().isEmpty());
  }

  private static Stream<Operation> operations() {
    return api.getPaths().values().stream().map(PathItem::readOperations).flatMap(List::stream);
  }
}
