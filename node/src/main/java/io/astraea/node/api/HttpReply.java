package io.astraea.node.api;

import java.nio.charset.StandardCharsets;

/** A complete HTTP answer: status, content type and body. */
public record HttpReply(int status, String contentType, byte[] body) {
  public static HttpReply json(int status, byte[] body) {
    return new HttpReply(status, "application/json", body);
  }

  public static HttpReply text(int status, String body) {
    return new HttpReply(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }
}
