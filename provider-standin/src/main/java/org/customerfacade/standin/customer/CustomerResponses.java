package org.customerfacade.standin.customer;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.customerfacade.server.model.Customer;
import org.customerfacade.standin.customfield.CustomFieldCatalog;

/** Builds response models from stored customers. */
final class CustomerResponses {

  /** UTC timestamp without an offset, with seconds precision, as the provider sends it. */
  static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private CustomerResponses() {}

  /** Returns the customer with every custom field the catalog defines; policies are left out. */
  static Customer toModel(CustomerRecord stored, CustomFieldCatalog customFields) {
    Customer customer =
        new Customer()
            .id(stored.id())
            .publicId(stored.publicId())
            .createdDatetimeUtc(format(stored.created()))
            .modifiedDatetimeUtc(format(stored.modified()));
    stored.details().writeTo(customer);
    customFields.render(stored.customFields()).forEach(customer::putAdditionalProperty);
    return customer;
  }

  private static String format(LocalDateTime timestamp) {
    return TIMESTAMP.format(timestamp);
  }
}
