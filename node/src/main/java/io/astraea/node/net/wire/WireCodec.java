package io.astraea.node.net.wire;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.bcs.HashCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * The BCS encoding of {@link WireMessage} frame bodies, as pure functions. Payload bytes are
 * written straight into the frame buffer rather than through an intermediate array, so a large
 * message is copied once on the way out.
 */
public final class WireCodec {
  private static final int VARIANTS = 7;

  private WireCodec() {}

  /** Appends the BCS body of {@code message} to {@code out} (no length prefix). */
  public static void encode(WireMessage message, ByteBuf out) {
    BcsWriter w = new BcsWriter(64);
    w.writeVariant(message.variant());
    byte[] payload = null;
    if (message instanceof WireMessage.Hello h) {
      w.writeU32(h.protocolVersion());
      w.writeU8(h.chainId());
      HashCodec.write(w, h.genesisHash());
      w.write(h.address());
      w.write(h.networkKey());
    } else if (message instanceof WireMessage.Goodbye g) {
      w.writeString(g.reason());
    } else if (message instanceof WireMessage.DirectSend d) {
      w.writeVariant(d.protocol().code());
      payload = d.payload();
    } else if (message instanceof WireMessage.RpcRequest rq) {
      w.writeVariant(rq.protocol().code());
      w.writeU64(rq.requestId());
      payload = rq.payload();
    } else if (message instanceof WireMessage.RpcResponse rs) {
      w.writeU64(rs.requestId());
      payload = rs.payload();
    } else if (message instanceof WireMessage.RpcError e) {
      w.writeU64(e.requestId());
      w.writeString(e.message());
    }
    if (payload != null) {
      w.writeUleb128(payload.length);
    }
    out.writeBytes(w.toByteArray());
    if (payload != null) {
      out.writeBytes(payload);
    }
  }

  /** The BCS body of {@code message}, as an array (tests and size estimates). */
  public static byte[] encode(WireMessage message) {
    ByteBuf buf = Unpooled.buffer();
    try {
      encode(message, buf);
      return ByteBufUtil.getBytes(buf);
    } finally {
      buf.release();
    }
  }

  /** Decodes exactly one message from the readable bytes of {@code body}. */
  public static WireMessage decode(ByteBuf body) throws MalformedMessageException {
    return decode(ByteBufUtil.getBytes(body));
  }

  /** Decodes exactly one message from {@code body}; trailing bytes are malformed. */
  public static WireMessage decode(byte[] body) throws MalformedMessageException {
    try {
      return BcsReader.decode(body, WireCodec::read);
    } catch (BcsException e) {
      throw new MalformedMessageException(e.getMessage(), e.offset());
    }
  }

  private static WireMessage read(BcsReader r) throws BcsException {
    int variant = r.readVariant(VARIANTS);
    return switch (variant) {
      case 0 -> readHello(r);
      case 1 -> new WireMessage.Goodbye(r.readString());
      case 2 -> new WireMessage.Heartbeat();
      case 3 -> new WireMessage.DirectSend(readProtocol(r), r.readBytes());
      case 4 -> new WireMessage.RpcRequest(readProtocol(r), r.readU64(), r.readBytes());
      case 5 -> new WireMessage.RpcResponse(r.readU64(), r.readBytes());
      case 6 -> new WireMessage.RpcError(r.readU64(), r.readString());
      default -> throw new BcsException("unknown message variant " + variant, 0);
    };
  }

  private static WireMessage.Hello readHello(BcsReader r) throws BcsException {
    long version = r.readU32();
    int chainId = r.readU8();
    HashValue genesis = HashCodec.decode(r);
    AccountAddress address = AccountAddress.decode(r);
    Ed25519PublicKey key = Ed25519PublicKey.decode(r);
    return new WireMessage.Hello(version, chainId, genesis, address, key);
  }

  private static ProtocolId readProtocol(BcsReader r) throws BcsException {
    return ProtocolId.fromCode(r.readVariant(ProtocolId.count()));
  }
}
