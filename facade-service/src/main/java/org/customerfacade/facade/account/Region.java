package org.customerfacade.facade.account;

/** A provider instance with its own data. Each account belongs to exactly one. */
public enum Region {
  EU,
  US
}
