package org.customerfacade.gateway.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * A problem document with the status and the extra headers of the response that carries it.
 *
 * @param status response status, equal to {@code body.status()}
 * @param headers headers that the response needs besides Content-Type, such as WWW-Authenticate
 * @param body the problem document
 */
public record ProblemResponse(HttpStatusCode status, HttpHeaders headers, Problem body) {}
