package org.customerfacade.facade.routing;

import java.net.URI;

/**
 * One base URL of the provider.
 *
 * @param name stable name such as {@code eu-production-1}, used for the endpoint's circuit breaker
 *     and in logs
 * @param baseUrl base URL that the Customer API paths are appended to
 */
public record UpstreamEndpoint(String name, URI baseUrl) {}
