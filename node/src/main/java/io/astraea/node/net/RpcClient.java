package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;
import io.astraea.node.net.RpcException.Kind;
import io.astraea.node.net.wire.ProtocolId;
import io.astraea.node.net.wire.WireMessage;
import io.netty.util.concurrent.EventExecutorGroup;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound requests: numbers each one, remembers it until its response, its timeout or the loss of
 * its link, and completes the caller's future exactly once. A response is matched by id and must
 * come from the peer the request went to; anything else is ignored.
 */
final class RpcClient {
  private static final Logger log = LoggerFactory.getLogger(RpcClient.class);

  private record Pending(
      AccountAddress peer, CompletableFuture<byte[]> future, ScheduledFuture<?> timeout) {}

  private final PeerLinks links;
  private final EventExecutorGroup timers;
  private final int maxFrameBytes;
  private final AtomicLong nextId = new AtomicLong(1);
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

  RpcClient(PeerLinks links, EventExecutorGroup timers, int maxFrameBytes) {
    this.links = links;
    this.timers = timers;
    this.maxFrameBytes = maxFrameBytes;
    links.onLinkDown(this::failPeer);
  }

  CompletableFuture<byte[]> request(
      AccountAddress peer, ProtocolId protocol, byte[] payload, Duration timeout) {
    CompletableFuture<byte[]> future = new CompletableFuture<>();
    if (Network.frameSize(payload.length) > maxFrameBytes) {
      future.completeExceptionally(
          new RpcException(Kind.TOO_LARGE, "request of " + payload.length + " bytes is too large"));
      return future;
    }
    long id = nextId.getAndIncrement();
    ScheduledFuture<?> timer;
    try {
      timer =
          timers.schedule(
              () ->
                  fail(
                      id,
                      new RpcException(
                          Kind.TIMEOUT, "no response from " + peer + " within " + timeout)),
              timeout.toMillis(),
              TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(new RpcException(Kind.CLOSED, "network is closed"));
      return future;
    }
    pending.put(id, new Pending(peer, future, timer));
    SendResult result =
        links.enqueue(peer, protocol, new WireMessage.RpcRequest(protocol, id, payload));
    switch (result) {
      case QUEUED -> {}
      case UNKNOWN_PEER -> fail(id, new RpcException(Kind.UNKNOWN_PEER, peer + " is not a peer"));
      case CLOSED -> fail(id, new RpcException(Kind.CLOSED, "network is closed"));
      case TOO_LARGE -> fail(id, new RpcException(Kind.TOO_LARGE, "request too large"));
    }
    return future;
  }

  void onResponse(AccountAddress from, WireMessage.RpcResponse response) {
    Pending p = take(response.requestId(), from);
    if (p != null) {
      p.future.complete(response.payload());
    }
  }

  void onError(AccountAddress from, WireMessage.RpcError error) {
    Pending p = take(error.requestId(), from);
    if (p != null) {
      p.future.completeExceptionally(
          new RpcException(Kind.REMOTE_ERROR, from + " answered: " + error.message()));
    }
  }

  private Pending take(long id, AccountAddress from) {
    Pending p = pending.get(id);
    if (p == null || !p.peer.equals(from)) {
      log.debug("ignoring response {} from {}: no such outstanding request", id, from);
      return null;
    }
    if (!pending.remove(id, p)) {
      return null;
    }
    p.timeout.cancel(false);
    return p;
  }

  private void fail(long id, RpcException e) {
    Pending p = pending.remove(id);
    if (p != null) {
      p.timeout.cancel(false);
      p.future.completeExceptionally(e);
    }
  }

  /** Fails every request outstanding to {@code peer}: its link went away. */
  void failPeer(AccountAddress peer) {
    for (Map.Entry<Long, Pending> e : pending.entrySet()) {
      if (e.getValue().peer.equals(peer)) {
        fail(e.getKey(), new RpcException(Kind.DISCONNECTED, "link to " + peer + " closed"));
      }
    }
  }

  void failAll(Kind kind, String message) {
    for (Long id : pending.keySet()) {
      fail(id, new RpcException(kind, message));
    }
  }
}
