package io.astraea.node.net.wire;

import io.netty.handler.codec.CorruptedFrameException;

/**
 * A frame whose body is not a valid {@link WireMessage} (bad BCS, unknown variant or protocol,
 * trailing bytes). The link that carried it is closed; other links are unaffected.
 */
public final class MalformedMessageException extends CorruptedFrameException {
  private final int offset;

  /** {@code message} already names the offset (as {@code BcsException} messages do). */
  public MalformedMessageException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  /** The offset in the frame body where decoding failed. */
  public int offset() {
    return offset;
  }
}
