package org.customerfacade.facade.routing;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.customerfacade.facade.account.Account;
import org.customerfacade.facade.account.AccountProperties;
import org.customerfacade.facade.account.AccountProperties.AccountOptions;
import org.customerfacade.facade.account.AccountProperties.ConsumerOptions;
import org.customerfacade.facade.account.AccountResolver;
import org.customerfacade.facade.account.Environment;
import org.customerfacade.facade.account.Region;
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

/**
 * Measures the routing decision of a request: resolving the consumer's account from the gateway's
 * headers and choosing the endpoints of the account's region, with the demo configuration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RoutingBenchmark {

  private AccountResolver accounts;
  private RegionRouter router;

  @Setup
  public void configureDemoAccounts() {
    AccountProperties accountProperties = new AccountProperties();
    accountProperties.getAccounts().put("eu-demo", account(Region.EU, Environment.PRODUCTION));
    accountProperties.getAccounts().put("us-demo", account(Region.US, Environment.PRODUCTION));
    accountProperties.getAccounts().put("sandbox-demo", account(Region.EU, Environment.SANDBOX));
    ConsumerOptions consumer = new ConsumerOptions();
    consumer.setAccounts(List.of("eu-demo", "us-demo", "sandbox-demo"));
    accountProperties.getConsumers().put("demo-app", consumer);
    accounts = new AccountResolver(accountProperties);
    router = new ConfiguredRegionRouter(routing(), accounts);
  }

  @Benchmark
  public List<UpstreamEndpoint> routeDefaultAccount() {
    Account account = accounts.resolve("demo-app", null, null).block();
    return router.readEndpointsFor(account);
  }

  @Benchmark
  public List<UpstreamEndpoint> routeChosenAccount() {
    Account account = accounts.resolve("demo-app", "us-demo", null).block();
    return router.readEndpointsFor(account);
  }

  private static AccountOptions account(Region region, Environment environment) {
    AccountOptions options = new AccountOptions();
    options.setApiKey("benchmark-key");
    options.setRegion(region);
    options.setEnvironment(environment);
    return options;
  }

  private static RoutingProperties routing() {
    Map<Environment, List<URI>> eu = new EnumMap<>(Environment.class);
    eu.put(
        Environment.PRODUCTION,
        List.of(URI.create("http://127.0.0.1:9001"), URI.create("http://127.0.0.1:9002")));
    eu.put(Environment.SANDBOX, List.of(URI.create("http://127.0.0.1:9021")));
    Map<Environment, List<URI>> us = new EnumMap<>(Environment.class);
    us.put(Environment.PRODUCTION, List.of(URI.create("http://127.0.0.1:9011")));
    RoutingProperties properties = new RoutingProperties();
    properties.getRegions().put(Region.EU, eu);
    properties.getRegions().put(Region.US, us);
    return properties;
  }
}
