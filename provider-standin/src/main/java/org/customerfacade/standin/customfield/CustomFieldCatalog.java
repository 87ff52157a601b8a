package org.customerfacade.standin.customfield;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The custom fields defined for one instance, in the order that responses list them. */
public final class CustomFieldCatalog {

  /** Prefix that every custom field name starts with. */
  public static final String PREFIX = "cf_";

  private final Map<String, CustomFieldDefinition> definitions = new LinkedHashMap<>();

  public CustomFieldCatalog(List<CustomFieldDefinition> definitions) {
    definitions.forEach(definition -> this.definitions.put(definition.name(), definition));
  }

  public static boolean isCustomFieldName(String name) {
    return name.startsWith(PREFIX);
  }

  public Optional<CustomFieldDefinition> find(String name) {
    return Optional.ofNullable(definitions.get(name));
  }

  public Collection<CustomFieldDefinition> definitions() {
    return definitions.values();
  }

  /**
   * Returns every defined field with its stored value, or its default when no valid value is
   * stored. Stored values of fields that are no longer defined are left out.
   */
  public Map<String, Object> render(Map<String, Object> stored) {
    Map<String, Object> rendered = new LinkedHashMap<>();
    for (CustomFieldDefinition definition : definitions.values()) {
      rendered.put(definition.name(), definition.read(stored.get(definition.name())));
    }
    return rendered;
  }
}
