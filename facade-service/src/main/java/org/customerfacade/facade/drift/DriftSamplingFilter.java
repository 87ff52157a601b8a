package org.customerfacade.facade.drift;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Copies the raw body of a sample of successful provider responses for a drift check, while the
 * generated client reads the same bytes as usual.
 *
 * <p>The copy is taken as the body streams past and handed to {@link DriftChecks} when it ends, so
 * the response is neither delayed nor changed. A body larger than {@code
 * facade.drift.max-body-size} is not checked, and a response that the caller abandons is not
 * checked either.
 */
public final class DriftSamplingFilter implements ExchangeFilterFunction {

  private static final String COLLECTION = "customer";

  private final DriftChecks checks;
  private final boolean enabled;
  private final double sampleRate;
  private final int maxBodyBytes;

  DriftSamplingFilter(DriftChecks checks, DriftProperties properties) {
    this.checks = checks;
    this.enabled = properties.isEnabled() && properties.getSampleRate() > 0;
    this.sampleRate = properties.getSampleRate();
    this.maxBodyBytes = (int) Math.min(Integer.MAX_VALUE, properties.getMaxBodySize().toBytes());
  }

  @Override
  public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
    if (!enabled) {
      return next.exchange(request);
    }
    String operation = operation(request.method(), request.url().getRawPath());
    if (operation == null || ThreadLocalRandom.current().nextDouble() >= sampleRate) {
      return next.exchange(request);
    }
    return next.exchange(request)
        .map(
            response ->
                response.statusCode().is2xxSuccessful() ? copyBody(operation, response) : response);
  }

  private ClientResponse copyBody(String operation, ClientResponse response) {
    BodyCopy copy = new BodyCopy(maxBodyBytes);
    return response
        .mutate()
        .body(
            body ->
                body.doOnNext(copy::append)
                    .doOnComplete(
                        () -> {
                          if (!copy.truncated()) {
                            checks.submit(operation, copy.bytes());
                          }
                        }))
        .build();
  }

  /**
   * Returns the operation of a provider request, or null for one without a response body to check
   * (a delete) or outside the Customer API.
   */
  static @Nullable String operation(HttpMethod method, String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      return null;
    }
    String last = path.substring(slash + 1);
    if (last.equals(COLLECTION)) {
      if (HttpMethod.GET.equals(method)) {
        return "find";
      }
      return HttpMethod.POST.equals(method) ? "create" : null;
    }
    if (last.isEmpty() || !path.substring(0, slash).endsWith("/" + COLLECTION)) {
      return null;
    }
    if (HttpMethod.GET.equals(method)) {
      return "retrieve";
    }
    return HttpMethod.PUT.equals(method) ? "update" : null;
  }

  /** Bytes of a body seen so far, up to a limit. */
  private static final class BodyCopy {

    private final int maxBytes;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean truncated;

    BodyCopy(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    void append(DataBuffer buffer) {
      int length = buffer.readableByteCount();
      if (truncated || bytes.size() + length > maxBytes) {
        truncated = true;
        return;
      }
      byte[] chunk = new byte[length];
      // Copies without moving the read position, so the decoder still reads every byte.
      buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(chunk), 0, length);
      bytes.writeBytes(chunk);
    }

    boolean truncated() {
      return truncated;
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }
}
