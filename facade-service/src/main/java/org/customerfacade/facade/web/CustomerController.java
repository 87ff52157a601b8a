package org.customerfacade.facade.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.customerfacade.client.CustomerApiClients;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.account.AccountResolver;
import org.customerfacade.facade.cache.CacheDirectives;
import org.customerfacade.facade.cache.CachedRead;
import org.customerfacade.facade.cache.CustomerCache;
import org.customerfacade.facade.cache.LookupCriteria;
import org.customerfacade.facade.idempotency.IdempotentCreates;
import org.customerfacade.facade.idempotency.IdempotentCreates.Outcome;
import org.customerfacade.facade.observability.RequestRecord;
import org.customerfacade.facade.problem.FacadeProblem;
import org.customerfacade.facade.problem.FacadeProblem.FieldError;
import org.customerfacade.facade.problem.SafeText;
import org.customerfacade.facade.tracing.Spans;
import org.customerfacade.facade.upstream.Operation;
import org.customerfacade.facade.upstream.Upstream;
import org.customerfacade.facade.validation.CustomerBodyValidator;
import org.customerfacade.server.api.CustomersApi;
import org.customerfacade.server.model.Customer;
import org.customerfacade.server.model.CustomerUpdate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves the Customer API: resolves the caller's account, serves reads from the cache where it can,
 * and sends everything else to the provider of the account's region.
 */
@RestController
class CustomerController implements CustomersApi {

  /** A customer id as the path must carry it: decimal digits, at most as many as a long has. */
  private static final Pattern DECIMAL_ID = Pattern.compile("[0-9]{1,19}");

  /** Longest {@code Idempotency-Key} accepted, in characters. */
  private static final int MAX_IDEMPOTENCY_KEY = 255;

  private final AccountResolver accounts;
  private final CustomerCache cache;
  private final Upstream upstream;
  private final ModelMapper models;
  private final IdempotentCreates idempotentCreates;
  private final CustomerBodyValidator bodyValidator;
  private final Spans spans;

  CustomerController(
      AccountResolver accounts,
      CustomerCache cache,
      Upstream upstream,
      ModelMapper models,
      IdempotentCreates idempotentCreates,
      CustomerBodyValidator bodyValidator,
      Spans spans) {
    this.accounts = accounts;
    this.cache = cache;
    this.upstream = upstream;
    this.models = models;
    this.idempotentCreates = idempotentCreates;
    this.bodyValidator = bodyValidator;
    this.spans = spans;
  }

  @Override
  public Mono<ResponseEntity<Customer>> getCustomer(
      Long id,
      String xApiVersion,
      @Nullable String cacheControl,
      @Nullable String xAccount,
      @Nullable String xRegion,
      ServerWebExchange exchange) {
    return checkId(exchange)
        .then(checkVersion(xApiVersion))
        .then(Mono.zip(account(exchange, xAccount, xRegion), directives(exchange)))
        .flatMap(
            accountAndDirectives ->
                spans.cacheLookup(
                    Operation.RETRIEVE,
                    () ->
                        upstream
                            .call(
                                accountAndDirectives.getT1(),
                                Operation.RETRIEVE,
                                api -> api.getCustomer(id, xApiVersion, null, null, null))
                            .map(models::toServer),
                    loader ->
                        cache.retrieve(
                            accountAndDirectives.getT1(),
                            xApiVersion,
                            id,
                            accountAndDirectives.getT2(),
                            loader)))
        .doOnNext(read -> RequestRecord.recordCacheRead(exchange, read))
        .map(CustomerController::cachedResponse);
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
    if (email == null && externalId == null && publicId == null) {
      return Mono.error(
          FacadeProblem.invalidRequest(
              "Give at least one of the query parameters email, external_id and public_id.",
              List.of(
                  new FieldError("email", "one of email, external_id, public_id is required"))));
    }
    List<FieldError> blank = blankCriteria(email, externalId);
    if (!blank.isEmpty()) {
      return Mono.error(
          FacadeProblem.invalidRequest(
              "A lookup criterion is blank; give a value or leave the parameter out.", blank));
    }
    LookupCriteria criteria = new LookupCriteria(email, externalId, publicId);

    return checkVersion(xApiVersion)
        .then(Mono.zip(account(exchange, xAccount, xRegion), directives(exchange)))
        .flatMap(
            accountAndDirectives ->
                spans.cacheLookup(
                    Operation.FIND,
                    () ->
                        upstream
                            .call(
                                accountAndDirectives.getT1(),
                                Operation.FIND,
                                api ->
                                    api.findCustomers(
                                            xApiVersion,
                                            null,
                                            null,
                                            null,
                                            email,
                                            externalId,
                                            publicId)
                                        .collectList())
                            .map(models::toServer),
                    loader ->
                        cache.find(
                            accountAndDirectives.getT1(),
                            xApiVersion,
                            criteria,
                            accountAndDirectives.getT2(),
                            loader)))
        .doOnNext(read -> RequestRecord.recordCacheRead(exchange, read))
        .map(
            read ->
                ResponseEntity.ok()
                    .headers(cacheHeaders(read))
                    .body(Flux.fromIterable(read.value())));
  }

  @Override
  public Mono<ResponseEntity<Customer>> createCustomer(
      String xApiVersion,
      Mono<Customer> customer,
      @Nullable String idempotencyKey,
      @Nullable String xAccount,
      @Nullable String xRegion,
      ServerWebExchange exchange) {
    if (idempotencyKey != null && !validIdempotencyKey(idempotencyKey)) {
      return Mono.error(
          FacadeProblem.invalidIdempotencyKey(IdempotentCreates.HEADER, MAX_IDEMPOTENCY_KEY));
    }

    return checkVersion(xApiVersion)
        .then(account(exchange, xAccount, xRegion))
        .zipWith(customer)
        .delayUntil(pair -> bodyValidator.checkCreate(pair.getT1(), pair.getT2()))
        .flatMap(
            pair ->
                Mono.deferContextual(
                    context -> {
                      // An idempotent create may run detached from this request, so it gets the
                      // request's context: its trace and the access log's record.
                      Supplier<Mono<Customer>> create =
                          () ->
                              sendCreate(pair.getT1(), xApiVersion, pair.getT2())
                                  .contextWrite(context);
                      if (idempotencyKey == null) {
                        return create.get().map(created -> new Outcome(created, false));
                      }
                      return idempotentCreates.create(
                          pair.getT1(), idempotencyKey, pair.getT2(), create);
                    }))
        .map(
            outcome ->
                ResponseEntity.status(HttpStatus.CREATED)
                    .headers(replayHeaders(outcome, idempotencyKey))
                    .body(outcome.customer()));
  }

  private Mono<Customer> sendCreate(Account account, String xApiVersion, Customer customer) {
    return upstream
        .call(
            account,
            Operation.CREATE,
            api -> api.createCustomer(xApiVersion, models.toClient(customer), null, null, null))
        .map(models::toServer)
        .doOnNext(created -> cache.onCreated(account, xApiVersion, created));
  }

  private static boolean validIdempotencyKey(String key) {
    return !key.isEmpty()
        && key.length() <= MAX_IDEMPOTENCY_KEY
        && key.chars().allMatch(c -> c > ' ' && c < 0x7f);
  }

  private static HttpHeaders replayHeaders(Outcome outcome, @Nullable String idempotencyKey) {
    HttpHeaders headers = new HttpHeaders();
    if (idempotencyKey != null) {
      headers.set(IdempotentCreates.REPLAYED_HEADER, Boolean.toString(outcome.replayed()));
    }
    return headers;
  }

  @Override
  public Mono<ResponseEntity<Customer>> updateCustomer(
      Long id,
      String xApiVersion,
      Mono<CustomerUpdate> update,
      @Nullable String xAccount,
      @Nullable String xRegion,
      ServerWebExchange exchange) {
    return checkId(exchange)
        .then(checkVersion(xApiVersion))
        .then(account(exchange, xAccount, xRegion))
        .zipWith(update)
        .delayUntil(pair -> bodyValidator.checkUpdate(pair.getT1(), pair.getT2()))
        .flatMap(
            pair ->
                upstream
                    .call(
                        pair.getT1(),
                        Operation.UPDATE,
                        api ->
                            api.updateCustomer(
                                id, xApiVersion, models.toClient(pair.getT2()), null, null))
                    .map(models::toServer)
                    .doOnNext(updated -> cache.onChanged(pair.getT1(), xApiVersion, id, updated)))
        .map(ResponseEntity::ok);
  }

  @Override
  public Mono<ResponseEntity<Void>> deleteCustomer(
      Long id,
      String xApiVersion,
      @Nullable String xAccount,
      @Nullable String xRegion,
      ServerWebExchange exchange) {
    return checkId(exchange)
        .then(checkVersion(xApiVersion))
        .then(account(exchange, xAccount, xRegion))
        .flatMap(
            account ->
                upstream
                    .call(
                        account,
                        Operation.DELETE,
                        api -> api.deleteCustomer(id, xApiVersion, null, null))
                    .then(Mono.fromRunnable(() -> cache.onChanged(account, xApiVersion, id, null))))
        .then(Mono.just(ResponseEntity.noContent().build()));
  }

  /**
   * Resolves the account from the consumer that the gateway vouched for and the optional account
   * and region the caller asked for. The facade-only headers are never sent to the provider.
   */
  private Mono<Account> account(
      ServerWebExchange exchange, @Nullable String xAccount, @Nullable String xRegion) {
    String consumerId = exchange.getRequest().getHeaders().getFirst(FacadeHeaders.CONSUMER_ID);
    return accounts
        .resolve(consumerId, xAccount, xRegion)
        .doOnNext(account -> RequestRecord.recordAccount(exchange, account));
  }

  private static List<FieldError> blankCriteria(
      @Nullable String email, @Nullable String externalId) {
    List<FieldError> errors = new java.util.ArrayList<>();
    if (email != null && email.isBlank()) {
      errors.add(new FieldError("email", "must not be blank"));
    }
    if (externalId != null && externalId.isBlank()) {
      errors.add(new FieldError("external_id", "must not be blank"));
    }
    return errors;
  }

  /**
   * Parses every Cache-Control line of the request. The generated method's parameter carries them
   * joined, and parsing the lines one by one keeps each directive's position for errors.
   */
  private static Mono<CacheDirectives> directives(ServerWebExchange exchange) {
    return CacheDirectives.parse(exchange.getRequest().getHeaders().get(HttpHeaders.CACHE_CONTROL));
  }

  /**
   * Checks that the id in the path is written as decimal digits only. Spring's conversion to {@code
   * Long} also accepts surrounding spaces, a plus sign and hexadecimal such as {@code 0x10}, none
   * of which is an integer as the spec writes it.
   */
  private static Mono<Void> checkId(ServerWebExchange exchange) {
    List<PathContainer.Element> elements = exchange.getRequest().getPath().elements();
    String id = elements.isEmpty() ? "" : elements.get(elements.size() - 1).value();
    if (DECIMAL_ID.matcher(id).matches()) {
      return Mono.empty();
    }
    return Mono.error(
        FacadeProblem.invalidRequest(
            "The value of 'id' must be a positive integer written in decimal digits, but was "
                + SafeText.quoted(id)
                + ".",
            List.of(new FieldError("id", "must be a positive integer"))));
  }

  private static Mono<Void> checkVersion(String version) {
    if (CustomerApiClients.API_VERSION.equals(version)) {
      return Mono.empty();
    }
    return Mono.error(
        FacadeProblem.invalidRequest(
            "Unsupported x-api-version " + SafeText.quoted(version) + "; send x-api-version: 2.0.",
            List.of(new FieldError("x-api-version", "must be 2.0"))));
  }

  private static ResponseEntity<Customer> cachedResponse(CachedRead<Customer> read) {
    return ResponseEntity.ok().headers(cacheHeaders(read)).body(read.value());
  }

  static HttpHeaders cacheHeaders(CachedRead<?> read) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(FacadeHeaders.CACHE, read.xCache());
    headers.set(FacadeHeaders.CACHE_STATUS, read.cacheStatus());
    headers.set(HttpHeaders.AGE, Long.toString(read.age().toSeconds()));
    return headers;
  }
}
