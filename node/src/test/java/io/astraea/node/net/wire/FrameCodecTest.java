package io.astraea.node.net.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The framing stages as pure transforms on an {@link EmbeddedChannel}, no sockets. */
class FrameCodecTest {
  private static final int MAX = 1024;

  private static ByteBuf frame(byte[] body) {
    ByteBuf b = Unpooled.buffer();
    b.writeInt(body.length);
    b.writeBytes(body);
    return b;
  }

  private static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + seed);
    }
    return b;
  }

  private static byte[] readBody(EmbeddedChannel ch) {
    ByteBuf body = ch.readInbound();
    if (body == null) {
      return null;
    }
    try {
      return ByteBufUtil.getBytes(body);
    } finally {
      body.release();
    }
  }

  @Test
  void splitsConcatenatedFramesAndWaitsForPartialOnes() {
    EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(MAX));
    byte[] a = bytes(10, 1);
    byte[] b = bytes(0, 2);
    byte[] c = bytes(MAX, 3);
    ByteBuf all = Unpooled.wrappedBuffer(frame(a), frame(b), frame(c));
    // Feed one byte at a time: a frame is emitted only once it is complete.
    while (all.isReadable()) {
      ch.writeInbound(all.readRetainedSlice(1));
    }
    all.release();
    assertArrayEquals(a, readBody(ch));
    assertArrayEquals(b, readBody(ch));
    assertArrayEquals(c, readBody(ch));
    assertNull(readBody(ch));
    assertFalse(ch.finish());
  }

  @Test
  void rejectsAnOversizedFrameFromItsHeaderAlone() {
    EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(MAX));
    ByteBuf header = Unpooled.buffer().writeInt(MAX + 1);
    FrameTooLargeException e =
        assertThrows(FrameTooLargeException.class, () -> ch.writeInbound(header));
    assertEquals(MAX + 1, e.frameLength());
    assertEquals(MAX, e.maxFrameBytes());
    // Whatever follows is discarded, never framed.
    ch.writeInbound(frame(bytes(5, 9)));
    assertNull(readBody(ch));
    ch.finishAndReleaseAll();
  }

  @Test
  void readsTheLengthAsUnsigned() {
    EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(MAX));
    ByteBuf header = Unpooled.buffer().writeInt(0xFFFF_FFFF).writeByte(1);
    FrameTooLargeException e =
        assertThrows(FrameTooLargeException.class, () -> ch.writeInbound(header));
    assertEquals(0xFFFF_FFFFL, e.frameLength());
    ch.finishAndReleaseAll();
  }

  @Test
  void encoderAndDecodersRoundTripMessages() {
    EmbeddedChannel out = new EmbeddedChannel(new WireEncoder(MAX));
    EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(MAX), new WireDecoder());
    WireMessage[] messages = {
      new WireMessage.DirectSend(ProtocolId.CONSENSUS, bytes(100, 4)),
      new WireMessage.Heartbeat(),
      new WireMessage.RpcRequest(ProtocolId.STATE_SYNC, 42, bytes(3, 5)),
      new WireMessage.RpcError(42, "no such version"),
    };
    for (WireMessage m : messages) {
      assertTrue(out.writeOutbound(m));
    }
    ByteBuf wire;
    while ((wire = out.readOutbound()) != null) {
      in.writeInbound(wire);
    }
    for (WireMessage m : messages) {
      assertEquals(m, in.readInbound());
    }
    assertNull(in.readInbound());
  }

  @Test
  void encoderWritesTheLengthPrefixedBcsBody() {
    EmbeddedChannel out = new EmbeddedChannel(new WireEncoder(MAX));
    out.writeOutbound(new WireMessage.DirectSend(ProtocolId.MEMPOOL, new byte[] {7, 8}));
    ByteBuf wire = out.readOutbound();
    // length 5 | variant 3 (DirectSend) | protocol 1 (mempool) | payload length 2 | 07 08
    assertEquals("00000005" + "03" + "01" + "02" + "0708", ByteBufUtil.hexDump(wire));
    wire.release();
  }

  @Test
  void encoderRefusesToSendAFrameOverItsOwnLimit() {
    EmbeddedChannel out = new EmbeddedChannel(new WireEncoder(MAX));
    EncoderException e =
        assertThrows(
            EncoderException.class,
            () ->
                out.writeOutbound(new WireMessage.DirectSend(ProtocolId.CONSENSUS, new byte[MAX])));
    assertInstanceOf(FrameTooLargeException.class, e.getCause());
    assertNull(out.readOutbound());
  }

  @Test
  void malformedBodyFailsWithATypedException() {
    EmbeddedChannel in = new EmbeddedChannel(new FrameDecoder(MAX), new WireDecoder());
    byte[] trailing = Arrays.copyOf(WireCodec.encode(new WireMessage.Heartbeat()), 2);
    assertThrows(MalformedMessageException.class, () -> in.writeInbound(frame(trailing)));
    in.finishAndReleaseAll();
  }
}
