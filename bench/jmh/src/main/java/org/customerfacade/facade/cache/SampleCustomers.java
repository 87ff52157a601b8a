package org.customerfacade.facade.cache;

import java.time.LocalDate;
import java.util.UUID;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.account.Environment;
import org.customerfacade.facade.account.Region;
import org.customerfacade.server.model.Customer;

/** Fixtures shared by the benchmarks: the stand-in's first EU seed customer and its account. */
public final class SampleCustomers {

  public static final String API_VERSION = "2.0";

  public static final Account EU_ACCOUNT =
      new Account("eu-demo", "eu-demo-key", Region.EU, Environment.PRODUCTION, null);

  private SampleCustomers() {}

  /** Creates a customer shaped like the benchmark's hot entry: about 600 bytes of JSON. */
  public static Customer ada() {
    return new Customer()
        .id(1001L)
        .firstName("Ada")
        .lastName("Lovelace")
        .email("ada.lovelace@example.com")
        .city("London")
        .country("GB")
        .gender(Customer.GenderEnum.F)
        .dateOfBirth(LocalDate.of(1990, 12, 10))
        .externalId("crm-eu-0001")
        .publicId(UUID.fromString("0f8d3c55-6c1e-4f52-9a43-1d2b5e7a9c10"))
        .allowEmail(true)
        .allowPhone(false)
        .allowPost(false)
        .createdDatetimeUtc("2026-12-04T16:30:28")
        .modifiedDatetimeUtc("2026-12-04T16:30:28")
        .putAdditionalProperty("cf_loyalty_tier", "gold")
        .putAdditionalProperty("cf_newsletter", true)
        .putAdditionalProperty("cf_shoe_size", "")
        .putAdditionalProperty("cf_member_since", "")
        .putAdditionalProperty("cf_nickname", "");
  }
}
