package org.customerfacade.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;

class OperationTest {

  @ParameterizedTest
  @CsvSource({
    "GET, /customer, FIND",
    "HEAD, /customer, FIND",
    "POST, /customer, CREATE",
    "GET, /customer/1001, RETRIEVE",
    "HEAD, /customer/1001, RETRIEVE",
    "PUT, /customer/1001, UPDATE",
    "DELETE, /customer/1001, DELETE",
  })
  void mapsMethodAndPath(String method, String path, Operation expected) {
    Optional<Operation> operation = Operation.of(HttpMethod.valueOf(method), path);

    assertThat(operation).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "PATCH, /customer/1001",
    "PUT, /customer",
    "DELETE, /customer",
    "POST, /customer/1001",
    "OPTIONS, /customer",
    "GET, /customer/1001/orders",
    "GET, /customer/",
    "GET, /customers",
  })
  void otherRequestsHaveNoOperation(String method, String path) {
    Optional<Operation> operation = Operation.of(HttpMethod.valueOf(method), path);

    assertThat(operation).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"/customer, true", "/customer/7, true", "/customer/7/x, false", "/customer/, false"})
  void knowsCustomerApiPaths(String path, boolean known) {
    assertThat(Operation.isKnownPath(path)).isEqualTo(known);
  }
}
