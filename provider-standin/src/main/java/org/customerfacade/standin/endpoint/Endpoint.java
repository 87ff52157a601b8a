package org.customerfacade.standin.endpoint;

import java.util.concurrent.atomic.AtomicLong;
import org.customerfacade.standin.instance.Instance;

/**
 * One listening endpoint of an instance, such as eu-1, with its request counter.
 *
 * <p>The bound port is 0 until the endpoint first listens; after that it keeps the port, also while
 * a down fault has stopped the listener, so that listening again reuses it.
 */
public final class Endpoint {

  /** Exchange attribute that contains the endpoint that received a Customer API request. */
  public static final String ATTRIBUTE = Endpoint.class.getName();

  private final String name;

  private final Instance instance;

  private final int configuredPort;

  private final AtomicLong requests = new AtomicLong();

  private volatile int boundPort;

  public Endpoint(String name, Instance instance, int configuredPort) {
    this.name = name;
    this.instance = instance;
    this.configuredPort = configuredPort;
  }

  public String name() {
    return name;
  }

  public Instance instance() {
    return instance;
  }

  /** Returns the configured port, 0 meaning any free port. */
  public int configuredPort() {
    return configuredPort;
  }

  /** Returns the port that the endpoint listens on, or 0 before it first listened. */
  public int boundPort() {
    return boundPort;
  }

  void bound(int port) {
    this.boundPort = port;
  }

  /** Counts one Customer API request received by this endpoint. */
  void recordRequest() {
    requests.incrementAndGet();
  }

  /** Returns the number of Customer API requests received since start or the last reset. */
  public long requests() {
    return requests.get();
  }

  public void resetRequests() {
    requests.set(0);
  }
}
