package org.customerfacade.gateway.jwt;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;

/**
 * Builds the JWT authenticator when {@code edge.jwt.enabled} is true. The decoder fetches the JWKS
 * on first use and caches it; it never calls the issuer's discovery endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JwtProperties.class)
public class JwtConfiguration {

  @Bean
  @ConditionalOnProperty(prefix = JwtProperties.PREFIX, name = "enabled", havingValue = "true")
  JwtConsumerAuthenticator jwtConsumerAuthenticator(JwtProperties properties) {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSetUri(properties.getJwkSetUri()).build();
    decoder.setJwtValidator(validator(properties));
    return new JwtConsumerAuthenticator(
        new JwtReactiveAuthenticationManager(decoder), properties.getConsumerClaim());
  }

  /** Expiry and not-before with Spring Security's default clock skew, the issuer, the audience. */
  private static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(JwtValidators.createDefaultWithIssuer(properties.getIssuerUri()));
    if (!properties.getAudience().isBlank()) {
      validators.add(
          new JwtClaimValidator<List<String>>(
              JwtClaimNames.AUD,
              audiences -> audiences != null && audiences.contains(properties.getAudience())));
    }
    return new DelegatingOAuth2TokenValidator<>(validators);
  }
}
