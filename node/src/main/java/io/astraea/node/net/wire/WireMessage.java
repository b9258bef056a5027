package io.astraea.node.net.wire;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.HashValue;
import java.util.Arrays;

/**
 * Everything that travels in a frame on a peer link, as a BCS enum. The variant index is the first
 * byte(s) of every frame body:
 *
 * <pre>
 * 0 Hello        {version: u32, chain_id: u8, genesis: HashValue, address: AccountAddress,
 *                 network_key: Ed25519PublicKey}
 * 1 Goodbye      {reason: String}
 * 2 Heartbeat    {}
 * 3 DirectSend   {protocol: ProtocolId, payload: Vec&lt;u8&gt;}
 * 4 RpcRequest   {protocol: ProtocolId, request_id: u64, payload: Vec&lt;u8&gt;}
 * 5 RpcResponse  {request_id: u64, payload: Vec&lt;u8&gt;}
 * 6 RpcError     {request_id: u64, message: String}
 * </pre>
 *
 * Payloads are opaque here: each protocol decodes its own BCS.
 */
public sealed interface WireMessage
    permits WireMessage.Hello,
        WireMessage.Goodbye,
        WireMessage.Heartbeat,
        WireMessage.DirectSend,
        WireMessage.RpcRequest,
        WireMessage.RpcResponse,
        WireMessage.RpcError {

  /** The BCS variant index of this message. */
  int variant();

  /** The first message each side sends after TLS: who it claims to be and which chain it runs. */
  record Hello(
      long protocolVersion,
      int chainId,
      HashValue genesisHash,
      AccountAddress address,
      Ed25519PublicKey networkKey)
      implements WireMessage {
    public Hello {
      if (protocolVersion < 0 || protocolVersion > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("protocol version is a u32: " + protocolVersion);
      }
      if (chainId < 0 || chainId > 0xFF) {
        throw new IllegalArgumentException("chain id is a u8: " + chainId);
      }
    }

    @Override
    public int variant() {
      return 0;
    }
  }

  /** Sent before closing a link on purpose, so the other side can log why. */
  record Goodbye(String reason) implements WireMessage {
    @Override
    public int variant() {
      return 1;
    }
  }

  /** Keeps an idle link observably alive; carries nothing. */
  record Heartbeat() implements WireMessage {
    @Override
    public int variant() {
      return 2;
    }
  }

  /** A one-way message for a protocol. */
  record DirectSend(ProtocolId protocol, byte[] payload) implements WireMessage {
    @Override
    public int variant() {
      return 3;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DirectSend d
          && protocol == d.protocol
          && Arrays.equals(payload, d.payload);
    }

    @Override
    public int hashCode() {
      return 31 * protocol.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
      return "DirectSend[" + protocol + ", " + payload.length + " bytes]";
    }
  }

  /** A request expecting exactly one {@link RpcResponse} or {@link RpcError} with the same id. */
  record RpcRequest(ProtocolId protocol, long requestId, byte[] payload) implements WireMessage {
    @Override
    public int variant() {
      return 4;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RpcRequest r
          && protocol == r.protocol
          && requestId == r.requestId
          && Arrays.equals(payload, r.payload);
    }

    @Override
    public int hashCode() {
      return (31 * protocol.hashCode() + Long.hashCode(requestId)) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
      return "RpcRequest[" + protocol + ", id=" + requestId + ", " + payload.length + " bytes]";
    }
  }

  /** The successful answer to the request with {@code requestId}. */
  record RpcResponse(long requestId, byte[] payload) implements WireMessage {
    @Override
    public int variant() {
      return 5;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RpcResponse r
          && requestId == r.requestId
          && Arrays.equals(payload, r.payload);
    }

    @Override
    public int hashCode() {
      return 31 * Long.hashCode(requestId) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
      return "RpcResponse[id=" + requestId + ", " + payload.length + " bytes]";
    }
  }

  /** The failed answer to the request with {@code requestId}. */
  record RpcError(long requestId, String message) implements WireMessage {
    @Override
    public int variant() {
      return 6;
    }
  }
}
