package org.customerfacade.facade.cache;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Estimates the heap bytes of a cached value from the length of its JSON form.
 *
 * <p>NOTE: this is an estimate, not a measurement. Strings take about two bytes a character on the
 * heap, and object headers and references add a share that grows with the number of fields. The
 * factor and the fixed overhead below were chosen to over- rather than under-count a customer.
 */
final class EntryWeigher {

  /** Key, entry holder, future and the cache's node for one entry. */
  static final int ENTRY_OVERHEAD_BYTES = 256;

  private static final int HEAP_BYTES_PER_JSON_BYTE = 3;

  private final JsonMapper mapper = JsonMapper.builder().build();

  int weigh(Object value) {
    try {
      long bytes = ENTRY_OVERHEAD_BYTES + (long) HEAP_BYTES_PER_JSON_BYTE * json(value);
      return (int) Math.min(Integer.MAX_VALUE, bytes);
    } catch (JacksonException unserializable) {
      return ENTRY_OVERHEAD_BYTES;
    }
  }

  private int json(Object value) {
    return mapper.writeValueAsBytes(value).length;
  }
}
