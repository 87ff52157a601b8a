package org.customerfacade.facade.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.account.Environment;
import org.customerfacade.facade.account.Region;
import org.customerfacade.server.model.Customer;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

class CaffeineCustomerCacheTest {

  private static final Account ACCOUNT =
      new Account("eu-demo", "key", Region.EU, Environment.PRODUCTION, null);

  @Test
  void weightStaysWithinMaximumBytes() {
    CacheProperties properties = new CacheProperties();
    properties.setMaximumWeight(DataSize.ofKilobytes(20));
    CaffeineCustomerCache cache = new CaffeineCustomerCache(properties, Ticker.systemTicker());

    for (long id = 1; id <= 100; id++) {
      Customer customer = customer(id, "x".repeat(500));
      cache.retrieve(ACCOUNT, "2.0", id, CacheDirectives.NONE, () -> Mono.just(customer)).block();
    }

    assertThat(cache.weightedSizeBytes()).isPositive().isLessThanOrEqualTo(20 * 1024);
  }

  @Test
  void weigherCountsValueSize() {
    EntryWeigher weigher = new EntryWeigher();

    int small = weigher.weigh(customer(1, "x"));
    int large = weigher.weigh(customer(1, "x".repeat(1_000)));

    assertThat(small).isGreaterThan(EntryWeigher.ENTRY_OVERHEAD_BYTES);
    assertThat(large - small).isGreaterThanOrEqualTo(2 * 999);
  }

  private static Customer customer(long id, String city) {
    Customer customer = new Customer();
    customer.setId(id);
    customer.setCity(city);
    return customer;
  }
}
