package org.customerfacade.gateway.management;

import org.customerfacade.support.management.ManagementTokenProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Access to the gateway's management endpoints. */
@Validated
@ConfigurationProperties(prefix = ManagementProperties.PREFIX)
public class ManagementProperties extends ManagementTokenProperties {

  public static final String PREFIX = "edge.admin";
}
