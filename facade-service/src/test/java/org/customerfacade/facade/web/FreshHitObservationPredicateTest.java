package org.customerfacade.facade.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

class FreshHitObservationPredicateTest {

  private static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-";

  /** A provider that fails the test if the predicate calls the cache filter at all. */
  private static final ObjectProvider<CachedCustomerFilter> UNUSED_FILTER =
      new ObjectProvider<>() {
        @Override
        public CachedCustomerFilter getObject() {
          throw new AssertionError("the cache filter must not be consulted");
        }
      };

  @Test
  void sampledCallerIsObservedWithoutLookup() {
    var predicate = new FreshHitObservationPredicate(UNUSED_FILTER, false);
    var request = MockServerHttpRequest.get("/customer/1").header("traceparent", TRACE + "01");

    assertThat(predicate.test("http.server.requests", serverContext(request))).isTrue();
  }

  @Test
  void otherObservationsAreKept() {
    var predicate = new FreshHitObservationPredicate(UNUSED_FILTER, false);

    assertThat(predicate.test("http.client.requests", new Observation.Context())).isTrue();
  }

  @Test
  void propertyObservesEveryRequest() {
    var predicate = new FreshHitObservationPredicate(UNUSED_FILTER, true);
    var request = MockServerHttpRequest.get("/customer/1");

    assertThat(predicate.test("http.server.requests", serverContext(request))).isTrue();
  }

  private static ServerRequestObservationContext serverContext(
      MockServerHttpRequest.BaseBuilder<?> request) {
    return new ServerRequestObservationContext(
        request.build(), new MockServerHttpResponse(), new java.util.HashMap<>());
  }
}
