package org.customerfacade.gateway.jwt;

/** Raised when a valid JWT has no consumer claim, or one that is not a plain id. */
public class InvalidConsumerClaimException extends RuntimeException {

  InvalidConsumerClaimException(String claim) {
    super(
        "The JWT's '" + claim + "' claim is missing or is not a plain consumer id",
        null,
        false,
        false);
  }
}
