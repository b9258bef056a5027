package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;
import io.astraea.node.net.wire.ProtocolId;
import io.astraea.node.net.wire.WireMessage;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The set of peer links: which peers exist (the {@link PeerDirectory}), which are connected,
 * dialling with capped exponential back-off, replacing a stale link when a restarted peer comes
 * back, and tearing links down when a validator leaves the set.
 */
final class PeerLinks {
  private static final Logger log = LoggerFactory.getLogger(PeerLinks.class);

  private final NetworkConfig config;
  private final EventExecutorGroup timers;
  private final Function<PeerInfo, ChannelFuture> dialer;
  private final String label;
  private final Map<AccountAddress, PeerLink> links = new ConcurrentHashMap<>();
  private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<AccountAddress>> downListeners = new CopyOnWriteArrayList<>();
  private volatile PeerDirectory directory;
  private volatile boolean closed;

  PeerLinks(
      NetworkConfig config,
      EventExecutorGroup timers,
      Function<PeerInfo, ChannelFuture> dialer,
      String label) {
    this.config = config;
    this.timers = timers;
    this.dialer = dialer;
    this.label = label;
    this.directory = new PeerDirectory(config.self(), List.of());
  }

  PeerDirectory directory() {
    return directory;
  }

  PeerLink get(AccountAddress peer) {
    return links.get(peer);
  }

  void addListener(ConnectionListener listener) {
    listeners.add(listener);
  }

  /** Called whenever the current link to a peer goes away (outstanding requests fail). */
  void onLinkDown(Consumer<AccountAddress> listener) {
    downListeners.add(listener);
  }

  /**
   * Installs a new validator set: links to validators that left are closed and their queues
   * discarded; a validator whose network key changed is disconnected (its TLS identity changed);
   * new validators this node dials are dialled at once.
   */
  synchronized void update(PeerDirectory next) {
    this.directory = next;
    for (PeerLink link : new ArrayList<>(links.values())) {
      PeerInfo now = next.get(link.address);
      if (now == null) {
        links.remove(link.address);
        retire(link);
      } else {
        boolean keyChanged = !now.networkKey().equals(link.info.networkKey());
        link.info = now;
        if (keyChanged) {
          log.info("{} network key of {} changed; dropping its link", label, link.address);
          Channel ch = link.channel;
          if (ch != null) {
            ch.close();
          }
        }
      }
    }
    for (PeerInfo p : next.all()) {
      PeerLink link =
          links.computeIfAbsent(
              p.address(),
              a ->
                  new PeerLink(
                      p,
                      config.outboundQueueCapacity(),
                      config.outboundQueueBytes(),
                      new Backoff(
                          config.reconnectInitialDelay(),
                          config.reconnectMaxDelay(),
                          () -> ThreadLocalRandom.current().nextDouble())));
      if (next.weDial(p.address())) {
        dial(link);
      }
    }
  }

  private void retire(PeerLink link) {
    Channel ch;
    synchronized (link) {
      link.removed = true;
      if (link.reconnect != null) {
        link.reconnect.cancel(false);
        link.reconnect = null;
      }
      ch = link.channel;
      link.queues.clear();
      setState(link, PeerState.DISCONNECTED);
    }
    log.info("{} {} left the validator set; closing its link", label, link.address);
    if (ch != null) {
      ch.close();
    }
  }

  /** Queues {@code message} for {@code peer} in the queue of {@code protocol}. */
  SendResult enqueue(AccountAddress peer, ProtocolId protocol, WireMessage message) {
    if (closed) {
      return SendResult.CLOSED;
    }
    PeerLink link = links.get(peer);
    if (link == null) {
      return SendResult.UNKNOWN_PEER;
    }
    link.enqueue(protocol, message);
    return SendResult.QUEUED;
  }

  List<PeerLink> all() {
    return new ArrayList<>(links.values());
  }

  /** A link to {@code peer} passed TLS and Hello on {@code ch}; make it the current one. */
  void linkUp(AccountAddress peer, Channel ch) {
    PeerLink link = links.get(peer);
    if (link == null || closed) {
      ch.close();
      return;
    }
    Channel old;
    synchronized (link) {
      if (link.removed) {
        ch.close();
        return;
      }
      old = link.channel;
      link.channel = ch;
      link.dialing = false;
      if (link.reconnect != null) {
        link.reconnect.cancel(false);
        link.reconnect = null;
      }
      link.backoff.reset();
      link.connections.increment();
      setState(link, PeerState.CONNECTED);
    }
    ch.closeFuture().addListener(f -> linkDown(link, ch));
    if (old != null && old != ch) {
      log.info("{} new link from {} replaces the previous one", label, peer);
      old.close();
    }
    log.info("{} connected to {} ({})", label, peer, ch.remoteAddress());
    link.scheduleDrain();
  }

  private void linkDown(PeerLink link, Channel ch) {
    synchronized (link) {
      if (link.channel != ch) {
        return;
      }
      link.channel = null;
      setState(link, PeerState.DISCONNECTED);
    }
    log.info("{} link to {} closed", label, link.address);
    for (Consumer<AccountAddress> l : downListeners) {
      l.accept(link.address);
    }
    scheduleReconnect(link);
  }

  /** Dials {@code link}'s peer unless a link exists or an attempt is already under way. */
  void dial(PeerLink link) {
    PeerInfo target;
    long attemptNo;
    synchronized (link) {
      if (closed
          || link.removed
          || link.channel != null
          || link.dialing
          || link.reconnect != null
          || !directory.weDial(link.address)) {
        return;
      }
      link.dialing = true;
      attemptNo = ++link.dialAttempt;
      target = link.info;
      setState(link, PeerState.CONNECTING);
    }
    ChannelFuture attempt;
    try {
      attempt = dialer.apply(target);
    } catch (RuntimeException e) {
      log.warn("{} cannot dial {}: {}", label, target, e.toString());
      dialEnded(link, attemptNo);
      return;
    }
    attempt.addListener(
        f -> {
          if (!f.isSuccess()) {
            log.debug("{} dial to {} failed: {}", label, target, String.valueOf(f.cause()));
            dialEnded(link, attemptNo);
          }
        });
    attempt.channel().closeFuture().addListener(f -> dialEnded(link, attemptNo));
  }

  /** A dial attempt is over (failed or its channel closed): back off and retry if still needed. */
  private void dialEnded(PeerLink link, long attemptNo) {
    synchronized (link) {
      if (link.dialAttempt != attemptNo) {
        return;
      }
      link.dialing = false;
    }
    scheduleReconnect(link);
  }

  private void scheduleReconnect(PeerLink link) {
    synchronized (link) {
      if (closed
          || link.removed
          || link.channel != null
          || link.dialing
          || link.reconnect != null
          || !directory.weDial(link.address)) {
        return;
      }
      long delay = link.backoff.nextDelayMillis();
      log.debug("{} redialling {} in {} ms", label, link.address, delay);
      setState(link, PeerState.BACKOFF);
      link.reconnect =
          timers.schedule(
              () -> {
                synchronized (link) {
                  link.reconnect = null;
                }
                dial(link);
              },
              delay,
              TimeUnit.MILLISECONDS);
    }
  }

  /** Must be called holding {@code link}'s lock, which orders the notifications per peer. */
  private void setState(PeerLink link, PeerState to) {
    PeerState from = link.state;
    if (from == to) {
      return;
    }
    link.state = to;
    for (ConnectionListener l : listeners) {
      try {
        l.onStateChange(link.address, from, to);
      } catch (RuntimeException e) {
        log.warn("{} connection listener failed", label, e);
      }
    }
  }

  /** Stops dialling and closes every link; returns the channels being closed. */
  List<ChannelFuture> close() {
    closed = true;
    List<ChannelFuture> closing = new ArrayList<>();
    for (PeerLink link : links.values()) {
      Channel ch;
      synchronized (link) {
        if (link.reconnect != null) {
          link.reconnect.cancel(false);
          link.reconnect = null;
        }
        ch = link.channel;
      }
      if (ch != null) {
        closing.add(
            ch.writeAndFlush(new WireMessage.Goodbye("shutting down"))
                .addListener(f -> ch.close()));
        closing.add(ch.closeFuture());
      }
    }
    return closing;
  }
}
