package io.astraea.node.net.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the decrypted byte stream of a link into frame bodies.
 *
 * <pre>
 * before: | length: u32 big-endian | body: length bytes | length | body | ...
 * after:  body, body, ...   (retained slices, one per frame)
 * </pre>
 *
 * The length is checked against the limit as soon as its 4 bytes are in, so an oversized frame
 * fails with {@link FrameTooLargeException} before anything is buffered for its body. After that
 * failure the decoder discards all further input; the link is expected to be closed.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
  public static final int LENGTH_BYTES = 4;

  private final int maxFrameBytes;
  private boolean failed;

  public FrameDecoder(int maxFrameBytes) {
    if (maxFrameBytes <= 0) {
      throw new IllegalArgumentException("max frame size must be positive: " + maxFrameBytes);
    }
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (in.readableBytes() < LENGTH_BYTES) {
      return;
    }
    long length = in.getUnsignedInt(in.readerIndex());
    if (length > maxFrameBytes) {
      failed = true;
      in.skipBytes(in.readableBytes());
      throw new FrameTooLargeException(length, maxFrameBytes);
    }
    if (in.readableBytes() < LENGTH_BYTES + length) {
      return;
    }
    in.skipBytes(LENGTH_BYTES);
    out.add(in.readRetainedSlice((int) length));
  }
}
