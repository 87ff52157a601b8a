package org.customerfacade.facade.upstream;

/** A Customer API operation, with whether the provider may safely receive it twice. */
public enum Operation {
  CREATE(false),
  RETRIEVE(true),
  FIND(true),
  UPDATE(true),
  DELETE(true);

  private final boolean idempotent;

  Operation(boolean idempotent) {
    this.idempotent = idempotent;
  }

  /**
   * Returns whether repeating the request leaves the provider as one request would. A create is
   * not: a second create after a lost response makes a duplicate customer.
   */
  public boolean idempotent() {
    return idempotent;
  }
}
