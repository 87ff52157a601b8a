package org.customerfacade.standin.customer;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.customerfacade.server.api.CustomersApi;
import org.customerfacade.server.model.Customer;
import org.customerfacade.server.model.CustomerUpdate;
import org.customerfacade.server.model.FieldError;
import org.customerfacade.standin.endpoint.Endpoint;
import org.customerfacade.standin.instance.Instance;
import org.customerfacade.standin.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Customer API of the instance whose endpoint received the request. Authentication and the
 * version header are checked by filters before these methods run. The headers that the spec marks
 * as facade only arrive as parameters and are ignored, as the real provider ignores them.
 */
@RestController
public class CustomerController implements CustomersApi {

  private static final Logger log = LoggerFactory.getLogger(CustomerController.class);

  private final CustomerRequestValidator validator;

  public CustomerController(CustomerRequestValidator validator) {
    this.validator = validator;
  }

  @Override
  public Mono<ResponseEntity<Customer>> createCustomer(
      String xApiVersion,
      Mono<Customer> customer,
      @Nullable String idempotencyKey,
      @Nullable String xAccount,
      @Nullable String xRegion,
      ServerWebExchange exchange) {
    return instanceOf(exchange)
        .flatMap(
            instance ->
                customer
                    .flatMap(body -> validator.validateCreate(body, instance))
                    .flatMap(draft -> instance.customers().create(draft))
                    .doOnNext(created -> logChange("created", instance, created.id()))
                    .map(created -> created(created, instance)));
  }

  @Override
  public Mono<ResponseEntity<Customer>> getCustomer(
      Long id,
      String xApiVersion,
      @Nullable String cacheControl,
      @Nullable String xAccount,
      @Nullable String xRegion,
      ServerWebExchange exchange) {
    return instanceOf(exchange)
        .flatMap(
            instance ->
                checkId(id)
                    .flatMap(valid -> findOrNotFound(instance, valid))
                    .map(stored -> ResponseEntity.ok(toModel(stored, instance))));
  }

  @Override
  public Mono<ResponseEntity<Flux<Customer>>> findCustomers(
      String xApiVersion,
      @Nullable String cacheControl,
      @Nullable String xAccount,
      @Nullable String xRegion,
      @Nullable String email,
      @Nullable String externalId,
      @Nullable UUID publicId,
      ServerWebExchange exchange) {
    CustomerQuery query = new CustomerQuery(email, externalId, publicId);
    if (query.isEmpty()) {
      return Mono.error(
          ProblemException.badRequest(
              "No search criterion was given; send at least one of the query parameters email,"
                  + " external_id or public_id."));
    }
    return instanceOf(exchange)
        .map(
            instance ->
                ResponseEntity.ok(
                    Flux.fromIterable(instance.customers().search(query))
                        .map(stored -> toModel(stored, instance))));
  }

  @Override
  public Mono<ResponseEntity<Customer>> updateCustomer(
      Long id,
      String xApiVersion,
      Mono<CustomerUpdate> customerUpdate,
      @Nullable String xAccount,
      @Nullable String xRegion,
      ServerWebExchange exchange) {
    return instanceOf(exchange)
        .flatMap(
            instance ->
                checkId(id)
                    .flatMap(
                        valid ->
                            customerUpdate
                                .flatMap(update -> validator.validateUpdate(update, instance))
                                .flatMap(change -> instance.customers().update(valid, change)))
                    .doOnNext(updated -> logChange("updated", instance, updated.id()))
                    .map(updated -> ResponseEntity.ok(toModel(updated, instance))));
  }

  @Override
  public Mono<ResponseEntity<Void>> deleteCustomer(
      Long id,
      String xApiVersion,
      @Nullable String xAccount,
      @Nullable String xRegion,
      ServerWebExchange exchange) {
    return instanceOf(exchange)
        .flatMap(
            instance ->
                checkId(id)
                    .flatMap(valid -> instance.customers().delete(valid))
                    .then(Mono.fromRunnable(() -> logChange("deleted", instance, id)))
                    .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build())));
  }

  private static Mono<Instance> instanceOf(ServerWebExchange exchange) {
    Endpoint endpoint = exchange.getAttribute(Endpoint.ATTRIBUTE);
    if (endpoint == null) {
      return Mono.error(
          ProblemException.notFound("The Customer API is served only on endpoint ports."));
    }
    return Mono.just(endpoint.instance());
  }

  /** Rejects ids below 1 in case method validation of the generated interface does not run. */
  private static Mono<Long> checkId(@Nullable Long id) {
    if (id == null || id < 1) {
      return Mono.error(
          ProblemException.invalidFields(
              HttpStatus.BAD_REQUEST, List.of(new FieldError("id", "must be a positive integer"))));
    }
    return Mono.just(id);
  }

  private static Mono<CustomerRecord> findOrNotFound(Instance instance, long id) {
    return Mono.justOrEmpty(instance.customers().find(id))
        .switchIfEmpty(Mono.defer(() -> Mono.error(instance.customers().notFound(id))));
  }

  private static ResponseEntity<Customer> created(CustomerRecord created, Instance instance) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/customer/" + created.id()))
        .body(toModel(created, instance));
  }

  private static Customer toModel(CustomerRecord stored, Instance instance) {
    return CustomerResponses.toModel(stored, instance.customFields());
  }

  private static void logChange(String change, Instance instance, long id) {
    log.debug("Instance '{}' {} customer {}", instance.name(), change, id);
  }
}
