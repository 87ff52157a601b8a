package org.customerfacade.standin.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonPointersTest {

  @Test
  void propertyPathBecomesSnakeCasePointer() {
    assertThat(JsonPointers.fromPropertyPath("email")).isEqualTo("/email");
    assertThat(JsonPointers.fromPropertyPath("dateOfBirth")).isEqualTo("/date_of_birth");
    assertThat(JsonPointers.fromPropertyPath("preferredLocationGroup.label"))
        .isEqualTo("/preferred_location_group/label");
    assertThat(JsonPointers.fromPropertyPath("acceptPolicies[2]")).isEqualTo("/accept_policies/2");
  }

  @Test
  void memberNameIsEscaped() {
    assertThat(JsonPointers.member("a/b~c")).isEqualTo("/a~1b~0c");
  }
}
