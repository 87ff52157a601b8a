package org.customerfacade.facade.upstream;

/** A Customer API operation, with whether the provider may safely receive it twice. */
public enum Operation {
  CREATE(false, false),
  RETRIEVE(true, true),
  FIND(true, true),
  UPDATE(true, false),
  DELETE(true, false);

  private final boolean idempotent;
  private final boolean readOnly;

  Operation(boolean idempotent, boolean readOnly) {
    this.idempotent = idempotent;
    this.readOnly = readOnly;
  }

  /** Returns whether a successful response must carry a body: all but a delete's do. */
  public boolean expectsBody() {
    return this != DELETE;
  }

  /** Returns whether the operation only reads, so that a replica in another region may serve it. */
  public boolean readOnly() {
    return readOnly;
  }

  /**
   * Returns whether repeating the request leaves the provider as one request would. A create is
   * not: a second create after a lost response makes a duplicate customer.
   */
  public boolean idempotent() {
    return idempotent;
  }
}
