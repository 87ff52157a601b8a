package org.customerfacade.facade.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.concurrent.TimeUnit;
import org.customerfacade.facade.cache.SampleCustomers;
import org.customerfacade.server.model.Customer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the JSON work per request: writing a customer as the facade's response body (every
 * read, hits included) and the client-to-server model conversion that every provider response
 * goes through.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JsonBenchmark {

  /** Configured as the facade's application.yml configures Boot's mapper. */
  private final JsonMapper responseMapper =
      JsonMapper.builder()
          .changeDefaultPropertyInclusion(
              inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .build();

  private final ModelMapper models = new ModelMapper();
  private Customer customer;
  private org.customerfacade.client.model.Customer providerCustomer;

  @Setup
  public void createCustomer() {
    customer = SampleCustomers.ada();
    providerCustomer = models.toClient(customer);
  }

  @Benchmark
  public byte[] writeResponseBody() {
    return responseMapper.writeValueAsBytes(customer);
  }

  @Benchmark
  public Customer convertProviderResponse() {
    return models.toServer(providerCustomer);
  }
}
