package org.customerfacade.standin.admin;

import org.customerfacade.standin.fault.Fault;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint as the admin API lists it.
 *
 * @param port the bound port, which differs from the configured one when that was 0
 * @param fault the injected fault; left out when none is set
 * @param requests Customer API requests received since start or the instance's last reset
 */
public record EndpointView(
    String name, String instance, int port, @Nullable Fault fault, long requests) {}
