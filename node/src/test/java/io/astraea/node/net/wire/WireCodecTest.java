package io.astraea.node.net.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.HashValue;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The BCS layout of peer messages: exact bytes, round trips and strict rejection. */
class WireCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  @Provide
  Arbitrary<WireMessage> messages() {
    Arbitrary<byte[]> payloads = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    Arbitrary<ProtocolId> protocols = Arbitraries.of(ProtocolId.class);
    Arbitrary<Long> ids = Arbitraries.longs();
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40);
    return Arbitraries.oneOf(
        text.map(WireMessage.Goodbye::new),
        Arbitraries.just(new WireMessage.Heartbeat()),
        protocols.flatMap(p -> payloads.map(b -> new WireMessage.DirectSend(p, b))),
        protocols.flatMap(
            p -> ids.flatMap(id -> payloads.map(b -> new WireMessage.RpcRequest(p, id, b)))),
        ids.flatMap(id -> payloads.map(b -> new WireMessage.RpcResponse(id, b))),
        ids.flatMap(id -> text.map(t -> new WireMessage.RpcError(id, t))));
  }

  @Property(tries = 200)
  void everyMessageRoundTrips(@ForAll("messages") WireMessage m) throws Exception {
    assertEquals(m, WireCodec.decode(WireCodec.encode(m)));
  }

  @Property(tries = 200)
  void everyTruncationIsRejected(@ForAll("messages") WireMessage m) {
    byte[] full = WireCodec.encode(m);
    for (int len = 0; len < full.length; len += Math.max(1, full.length / 16)) {
      byte[] cut = Arrays.copyOf(full, len);
      assertThrows(MalformedMessageException.class, () -> WireCodec.decode(cut), "length " + len);
    }
  }

  @Test
  void helloLayoutIsFixed() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(new byte[32]);
    HashValue genesis = HashValue.fromHex("ab".repeat(32));
    WireMessage.Hello hello =
        new WireMessage.Hello(1, 4, genesis, AccountAddress.of("0xA550C18"), key.publicKey());
    String expected =
        "00" // variant Hello
            + "01000000" // version u32 LE
            + "04" // chain id
            + "20"
            + "ab".repeat(32) // genesis, length-prefixed
            + "0000000000000000000000000a550c18" // address, fixed 16 bytes
            + "20"
            + key.publicKey().toHex(); // network key, length-prefixed
    assertEquals(expected, HEX.formatHex(WireCodec.encode(hello)));
    assertEquals(hello, WireCodec.decode(HEX.parseHex(expected)));
  }

  @Test
  void rpcRequestLayoutIsFixed() {
    byte[] bytes =
        WireCodec.encode(
            new WireMessage.RpcRequest(ProtocolId.BLOCK_RETRIEVAL, 258, new byte[] {9}));
    assertEquals("04" + "03" + "0201000000000000" + "01" + "09", HEX.formatHex(bytes));
  }

  @Test
  void unknownVariantProtocolAndTrailingBytesAreRejected() {
    MalformedMessageException variant =
        assertThrows(MalformedMessageException.class, () -> WireCodec.decode(HEX.parseHex("07")));
    assertEquals(0, variant.offset());
    MalformedMessageException protocol =
        assertThrows(
            MalformedMessageException.class, () -> WireCodec.decode(HEX.parseHex("030400")));
    assertEquals(1, protocol.offset());
    assertThrows(MalformedMessageException.class, () -> WireCodec.decode(HEX.parseHex("0200")));
    assertThrows(MalformedMessageException.class, () -> WireCodec.decode(new byte[0]));
  }

  @Test
  void helloWithAnInvalidKeyIsRejected() {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate();
    WireMessage.Hello hello =
        new WireMessage.Hello(1, 4, HashValue.ZERO, AccountAddress.of("0x1"), key.publicKey());
    byte[] bytes = WireCodec.encode(hello);
    // The identity point (small order) in place of the key.
    byte[] identity = new byte[32];
    identity[0] = 1;
    System.arraycopy(identity, 0, bytes, bytes.length - 32, 32);
    MalformedMessageException e =
        assertThrows(MalformedMessageException.class, () -> WireCodec.decode(bytes));
    assertTrue(e.getMessage().contains("public key"), e.getMessage());
  }
}
