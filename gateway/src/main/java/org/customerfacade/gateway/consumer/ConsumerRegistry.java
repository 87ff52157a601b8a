package org.customerfacade.gateway.consumer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds the consumer that owns a bearer token by comparing SHA-256 digests. */
public class ConsumerRegistry {

  private final List<RegisteredConsumer> consumers;

  public ConsumerRegistry(ConsumerProperties properties) {
    this.consumers =
        properties.getConsumers().stream()
            .map(
                c ->
                    new RegisteredConsumer(
                        new AuthenticatedConsumer(c.getId(), Set.copyOf(c.getOperations())),
                        HexFormat.of().parseHex(c.getTokenSha256())))
            .toList();
  }

  /** Returns the id of the consumer whose token digest equals the digest of {@code token}. */
  public Optional<String> findConsumerId(String token) {
    return findConsumer(token).map(AuthenticatedConsumer::id);
  }

  /**
   * Returns the consumer whose token digest equals the digest of {@code token}.
   *
   * <p>Every registered digest is compared with {@link MessageDigest#isEqual}, even after a match,
   * so the time taken does not depend on which consumer matched or on how many bytes agree.
   */
  public Optional<AuthenticatedConsumer> findConsumer(String token) {
    byte[] digest = sha256(token);
    AuthenticatedConsumer match = null;

    for (RegisteredConsumer consumer : consumers) {
      if (MessageDigest.isEqual(consumer.tokenSha256(), digest) && match == null) {
        match = consumer.consumer();
      }
    }

    return Optional.ofNullable(match);
  }

  /** Returns the SHA-256 digest of the token's UTF-8 bytes. */
  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE implementation must provide SHA-256 (MessageDigest class documentation).
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  private record RegisteredConsumer(AuthenticatedConsumer consumer, byte[] tokenSha256) {}
}
