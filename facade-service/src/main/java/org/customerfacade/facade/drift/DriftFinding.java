package org.customerfacade.facade.drift;

/**
 * One way a provider response departs from the spec. It carries no value from the response, because
 * values are customers' personal data.
 *
 * @param operation the Customer API operation, such as {@code retrieve}
 * @param pointer JSON pointer of the field, with {@code *} in place of array positions
 * @param kind what is wrong: {@code missing_field}, {@code wrong_type}, {@code unknown_field},
 *     {@code bad_enum}, {@code bad_format}, {@code unreadable_body}, or another JSON Schema keyword
 *     such as {@code maxLength}
 */
public record DriftFinding(String operation, String pointer, String kind) {}
