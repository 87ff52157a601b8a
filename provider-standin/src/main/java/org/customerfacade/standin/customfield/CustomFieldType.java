package org.customerfacade.standin.customfield;

/** Input type of a custom field, which fixes the JSON type of its value and its default. */
public enum CustomFieldType {
  /** Any string; defaults to {@code ""}. */
  TEXT,
  /** A JSON number; defaults to {@code ""}. */
  NUMBER,
  /** A JSON boolean; defaults to {@code false}. */
  BOOLEAN,
  /** A string in the format {@code yyyy-MM-dd}; defaults to {@code ""}. */
  DATE,
  /** One of the field's options; defaults to {@code ""}. */
  CHOICE
}
