package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;
import io.astraea.node.net.wire.ProtocolId;
import io.astraea.node.net.wire.WireMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands inbound messages of authenticated links to the handler registered for their protocol. A
 * handler that throws is logged and the link stays up: one subsystem's bug must not cut the others
 * off.
 */
final class InboundRouter {
  private static final Logger log = LoggerFactory.getLogger(InboundRouter.class);

  private final Map<ProtocolId, MessageHandler> handlers = new ConcurrentHashMap<>();
  private final Map<ProtocolId, RpcHandler> rpcHandlers = new ConcurrentHashMap<>();
  private final PeerLinks links;
  private final NetworkMetrics metrics;
  private final int maxFrameBytes;

  InboundRouter(PeerLinks links, NetworkMetrics metrics, int maxFrameBytes) {
    this.links = links;
    this.metrics = metrics;
    this.maxFrameBytes = maxFrameBytes;
  }

  void register(ProtocolId protocol, MessageHandler handler) {
    if (handlers.putIfAbsent(protocol, handler) != null) {
      throw new IllegalStateException("a handler for " + protocol + " is already registered");
    }
  }

  void registerRpc(ProtocolId protocol, RpcHandler handler) {
    if (rpcHandlers.putIfAbsent(protocol, handler) != null) {
      throw new IllegalStateException("an RPC handler for " + protocol + " is already registered");
    }
  }

  void onDirect(AccountAddress from, WireMessage.DirectSend message) {
    MessageHandler h = handlers.get(message.protocol());
    if (h == null) {
      metrics.unrouted.increment();
      log.debug("no handler for {} message from {}", message.protocol(), from);
      return;
    }
    try {
      h.onMessage(from, message.payload());
    } catch (RuntimeException e) {
      log.error("{} handler failed on a message from {}", message.protocol(), from, e);
    }
  }

  void onRequest(AccountAddress from, WireMessage.RpcRequest request) {
    Responder responder = new Responder(from, request.protocol(), request.requestId());
    RpcHandler h = rpcHandlers.get(request.protocol());
    if (h == null) {
      metrics.unrouted.increment();
      responder.fail("no handler for " + request.protocol());
      return;
    }
    try {
      h.onRequest(from, request.payload(), responder);
    } catch (RuntimeException e) {
      log.error("{} RPC handler failed on a request from {}", request.protocol(), from, e);
      responder.fail("handler failed");
    }
  }

  private final class Responder implements RpcResponder {
    private final AccountAddress peer;
    private final ProtocolId protocol;
    private final long requestId;
    private final AtomicBoolean answered = new AtomicBoolean();

    Responder(AccountAddress peer, ProtocolId protocol, long requestId) {
      this.peer = peer;
      this.protocol = protocol;
      this.requestId = requestId;
    }

    @Override
    public void respond(byte[] response) {
      if (Network.frameSize(response.length) > maxFrameBytes) {
        fail("response of " + response.length + " bytes is too large");
        return;
      }
      if (answered.compareAndSet(false, true)) {
        links.enqueue(peer, protocol, new WireMessage.RpcResponse(requestId, response));
      }
    }

    @Override
    public void fail(String message) {
      if (answered.compareAndSet(false, true)) {
        links.enqueue(peer, protocol, new WireMessage.RpcError(requestId, message));
      }
    }
  }
}
