package org.customerfacade.spec;

/**
 * One example in the spec, as two JSON Pointers into the spec's text.
 *
 * @param location where the example is, such as {@code #/components/parameters/CustomerId/example};
 *     an entry of an {@code examples} map is an Example Object or a {@code $ref} to one
 * @param schemaLocation where the schema that the example must match is, or null when there is none
 */
record SpecExample(String location, String schemaLocation) {}
