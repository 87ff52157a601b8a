package org.customerfacade.facade.web;

import java.util.List;
import org.customerfacade.client.CustomerApiClients;
import org.customerfacade.server.model.Customer;
import org.customerfacade.server.model.CustomerUpdate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts between the generated server models, which the facade serves, and the generated client
 * models, which it sends to the provider. Both come from the same schemas, so a JSON round trip
 * maps every field, custom fields included.
 */
@Component
class ModelMapper {

  private final JsonMapper mapper = CustomerApiClients.jsonMapper();

  org.customerfacade.client.model.Customer toClient(Customer customer) {
    return mapper.convertValue(customer, org.customerfacade.client.model.Customer.class);
  }

  org.customerfacade.client.model.CustomerUpdate toClient(CustomerUpdate update) {
    return mapper.convertValue(update, org.customerfacade.client.model.CustomerUpdate.class);
  }

  Customer toServer(org.customerfacade.client.model.Customer customer) {
    return mapper.convertValue(customer, Customer.class);
  }

  List<Customer> toServer(List<org.customerfacade.client.model.Customer> customers) {
    return customers.stream().map(this::toServer).toList();
  }
}
