package org.customerfacade.gateway.headers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class InternalHeadersFilterTest {

  @Test
  void removesInternalHeadersInAnyCase() {
    HttpHeaders headers = new HttpHeaders();
    headers.add("X-Internal-Foo", "1");
    headers.add("x-internal-bar", "2");
    headers.add("X-INTERNAL-BAZ", "3");
    headers.add("X-Internalish", "kept");

    InternalHeadersFilter.replaceInternal(headers, "demo-app");

    assertThat(headers.headerNames())
        .containsExactlyInAnyOrder("X-Internalish", InternalHeadersFilter.CONSUMER_ID_HEADER);
  }

  @Test
  void replacesConsumerIdAndDropsAuthorization() {
    HttpHeaders headers = new HttpHeaders();
    headers.add("x-consumer-id", "admin");
    headers.add("X-Consumer-Id", "root");
    headers.add(HttpHeaders.AUTHORIZATION, "Bearer secret");
    headers.add("X-Account", "eu-retail");

    InternalHeadersFilter.replaceInternal(headers, "demo-app");

    assertThat(headers.get(InternalHeadersFilter.CONSUMER_ID_HEADER)).containsExactly("demo-app");
    assertThat(headers.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
    assertThat(headers.get("X-Account")).containsExactly("eu-retail");
  }
}
