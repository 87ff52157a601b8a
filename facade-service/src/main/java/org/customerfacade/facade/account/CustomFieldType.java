package org.customerfacade.facade.account;

/**
 * Input type of a custom field, as the provider defines it for an account. The type fixes the JSON
 * type that a create or update must send for the field.
 */
public enum CustomFieldType {
  /** Any JSON string. */
  TEXT,
  /** A finite JSON number. */
  NUMBER,
  /** A JSON boolean. */
  BOOLEAN,
  /** A JSON string holding an ISO date, {@code yyyy-MM-dd}. */
  DATE,
  /** A JSON string equal to one of the field's options. */
  CHOICE
}
