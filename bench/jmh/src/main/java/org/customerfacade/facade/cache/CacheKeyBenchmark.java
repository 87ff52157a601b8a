package org.customerfacade.facade.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.customerfacade.facade.cache.CacheKey.ById;
import org.customerfacade.facade.cache.CacheKey.Scope;
import org.customerfacade.server.model.Customer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;

/**
 * Measures the cache-hit path: building the key of a read by id, hashing it, a whole {@link
 * CaffeineCustomerCache#retrieve} that finds a fresh entry, and the {@link
 * CaffeineCustomerCache#freshHit} that the facade's hit filter calls instead.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CacheKeyBenchmark {

  private final long customerId = 1001L;
  private final Supplier<Mono<Customer>> unusedLoader =
      () -> Mono.error(new IllegalStateException("the benchmark reads a cached entry only"));
  private CaffeineCustomerCache cache;

  @Setup
  public void storeHotEntry() {
    cache = new CaffeineCustomerCache(new CacheProperties(), Ticker.systemTicker());
    cache.onCreated(SampleCustomers.EU_ACCOUNT, SampleCustomers.API_VERSION, SampleCustomers.ada());
  }

  @Benchmark
  public CacheKey buildKey() {
    return new ById(
        Scope.of(SampleCustomers.EU_ACCOUNT, SampleCustomers.API_VERSION), customerId);
  }

  @Benchmark
  public int buildAndHashKey() {
    return buildKey().hashCode();
  }

  @Benchmark
  public CachedRead<Customer> retrieveHit() {
    return cache
        .retrieve(
            SampleCustomers.EU_ACCOUNT,
            SampleCustomers.API_VERSION,
            customerId,
            CacheDirectives.NONE,
            unusedLoader)
        .block();
  }

  @Benchmark
  public CachedRead<Customer> freshHit() {
    return cache.freshHit(
        SampleCustomers.EU_ACCOUNT, SampleCustomers.API_VERSION, customerId, unusedLoader);
  }
}
