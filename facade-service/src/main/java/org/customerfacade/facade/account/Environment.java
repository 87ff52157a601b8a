package org.customerfacade.facade.account;

/** Provider environment: live data, or the sandbox for development and testing. */
public enum Environment {
  PRODUCTION,
  SANDBOX
}
