package io.astraea.node.net.wire;

import io.netty.handler.codec.TooLongFrameException;

/**
 * A frame announces (or, when sending, would need) more bytes than the link's maximum. Raised as
 * soon as the 4-byte length is read, before any buffer for the body is allocated; the link is then
 * closed.
 */
public final class FrameTooLargeException extends TooLongFrameException {
  private final long frameLength;
  private final int maxFrameBytes;

  public FrameTooLargeException(long frameLength, int maxFrameBytes) {
    super("frame of " + frameLength + " bytes exceeds the limit of " + maxFrameBytes + " bytes");
    this.frameLength = frameLength;
    this.maxFrameBytes = maxFrameBytes;
  }

  public long frameLength() {
    return frameLength;
  }

  public int maxFrameBytes() {
    return maxFrameBytes;
  }
}
