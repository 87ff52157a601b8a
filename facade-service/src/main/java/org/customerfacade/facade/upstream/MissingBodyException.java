package org.customerfacade.facade.upstream;

/** A success status without the body the operation returns; a server error of the endpoint. */
final class MissingBodyException extends RuntimeException {

  MissingBodyException(Operation operation) {
    super(
        "The provider returned a success status but no body for " + operation, null, false, false);
  }
}
