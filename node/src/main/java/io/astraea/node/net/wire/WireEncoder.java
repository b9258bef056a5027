package io.astraea.node.net.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes a {@link WireMessage} as one frame: a u32 big-endian length, then the BCS body. A body
 * over the limit fails the write with {@link FrameTooLargeException} and nothing is sent, so a node
 * never emits a frame it would refuse itself.
 */
public final class WireEncoder extends MessageToByteEncoder<WireMessage> {
  private final int maxFrameBytes;

  public WireEncoder(int maxFrameBytes) {
    super(WireMessage.class);
    if (maxFrameBytes <= 0) {
      throw new IllegalArgumentException("max frame size must be positive: " + maxFrameBytes);
    }
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  protected ByteBuf allocateBuffer(
      ChannelHandlerContext ctx, WireMessage msg, boolean preferDirect) {
    return ctx.alloc().ioBuffer(FrameDecoder.LENGTH_BYTES + 64 + payloadSize(msg));
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, WireMessage msg, ByteBuf out) {
    int start = out.writerIndex();
    out.writeInt(0);
    WireCodec.encode(msg, out);
    int length = out.writerIndex() - start - FrameDecoder.LENGTH_BYTES;
    if (length > maxFrameBytes) {
      out.writerIndex(start);
      throw new FrameTooLargeException(length, maxFrameBytes);
    }
    out.setInt(start, length);
  }

  private static int payloadSize(WireMessage msg) {
    if (msg instanceof WireMessage.DirectSend d) {
      return d.payload().length;
    }
    if (msg instanceof WireMessage.RpcRequest r) {
      return r.payload().length;
    }
    if (msg instanceof WireMessage.RpcResponse r) {
      return r.payload().length;
    }
    return 0;
  }
}
