package org.customerfacade.gateway.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem document written by the gateway itself. The gateway reports no field errors, so
 * the {@code errors} member of the Customer API's problem schema is never set here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail) {

  /** The RFC 9457 default type: the title alone describes the problem. */
  public static final String BLANK_TYPE = "about:blank";
}
