package org.customerfacade.facade.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads request bodies with the JSON types of the spec and nothing looser. Jackson by default turns
 * {@code 1} into the string {@code "1"}, {@code "true"} into a boolean, {@code 1.5} into the
 * integer 1 and a timestamp into a date, keeps the last of two equal keys, and drops members of
 * nested objects it does not know. Each of these would send the provider a request that the caller
 * did not write, so here each is a 400 instead.
 *
 * <p>Only the server's decoder changes: the provider's responses are read by the upstream clients'
 * own codecs. It runs after Boot's codec configuration, which it would otherwise be replaced by.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.LOWEST_PRECEDENCE)
class StrictRequestJson implements WebFluxConfigurer {

  private final JsonMapper strictMapper;

  StrictRequestJson(JsonMapper jsonMapper) {
    this.strictMapper = strict(jsonMapper);
  }

  @Override
  public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
    configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(strictMapper));
  }

  /** Returns a copy of {@code base} that rejects coercions, duplicate keys and unknown members. */
  static JsonMapper strict(JsonMapper base) {
    return base.rebuild()
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // A lenient date reader takes "1990-12-10T00:00:00Z" as 1990-12-10.
        .defaultLeniency(false)
        .withCoercionConfig(
            LogicalType.Textual,
            config ->
                reject(
                    config,
                    CoercionInputShape.Integer,
                    CoercionInputShape.Float,
                    CoercionInputShape.Boolean))
        .withCoercionConfig(
            LogicalType.Boolean,
            config ->
                reject(
                    config,
                    CoercionInputShape.Integer,
                    CoercionInputShape.Float,
                    CoercionInputShape.String))
        .withCoercionConfig(
            LogicalType.Integer,
            config ->
                reject(
                    config,
                    CoercionInputShape.Float,
                    CoercionInputShape.String,
                    CoercionInputShape.Boolean))
        .build();
  }

  private static void reject(MutableCoercionConfig config, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      config.setCoercion(shape, CoercionAction.Fail);
    }
  }
}
