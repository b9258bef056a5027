package io.astraea.node.net.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/** Turns a frame body from {@link FrameDecoder} into a {@link WireMessage}; pure transform. */
public final class WireDecoder extends MessageToMessageDecoder<ByteBuf> {
  public WireDecoder() {
    super(ByteBuf.class);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf body, List<Object> out)
      throws MalformedMessageException {
    out.add(WireCodec.decode(body));
  }
}
