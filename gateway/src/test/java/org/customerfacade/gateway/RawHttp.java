package org.customerfacade.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends a request exactly as written, byte for byte, so tests can send what HTTP clients refuse to
 * build: encoded slashes, dot segments and control characters in headers.
 */
public final class RawHttp {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private RawHttp() {}

  /** A response split into its status code, header block and body. */
  public record Response(int status, String headers, String body) {

    /** Returns whether the header block has this header with a value that starts with prefix. */
    public boolean hasHeader(String name, String valuePrefix) {
      return headers
          .toLowerCase()
          .contains("\r\n" + name.toLowerCase() + ": " + valuePrefix.toLowerCase());
    }
  }

  /**
   * Sends {@code head} (request line and headers, lines ending in CRLF, without the blank line) and
   * {@code body} to the loopback port, with {@code Connection: close}, and reads the whole
   * response.
   */
  public static Response send(int port, String head, String body) {
    String request = head + "Connection: close\r\n\r\n" + body;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private static Response parse(String response) {
    int headEnd = response.indexOf("\r\n\r\n");
    String head = headEnd < 0 ? response : response.substring(0, headEnd + 2);
    String body = headEnd < 0 ? "" : response.substring(headEnd + 4);
    int status = Integer.parseInt(head.substring(9, 12));
    return new Response(status, head, body);
  }
}
