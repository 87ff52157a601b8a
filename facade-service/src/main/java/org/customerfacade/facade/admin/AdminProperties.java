package org.customerfacade.facade.admin;

import org.customerfacade.support.management.ManagementTokenProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Access to the management endpoints. */
@Validated
@ConfigurationProperties(prefix = AdminProperties.PREFIX)
public class AdminProperties extends ManagementTokenProperties {

  public static final String PREFIX = "facade.admin";
}
