package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;
import io.astraea.node.net.tls.NetworkCertificate;
import io.astraea.node.net.tls.PinnedKeys;
import io.astraea.node.net.tls.TlsContexts;
import io.astraea.node.net.wire.ProtocolId;
import io.astraea.node.net.wire.WireMessage;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validator-to-validator network of one node: mutually authenticated TLS 1.3 links to every
 * other validator, carrying consensus, mempool, state-sync and block-retrieval traffic multiplexed
 * by {@link ProtocolId}.
 *
 * <p>Lifecycle: construct, register handlers, {@link #start} with the validator set, call {@link
 * #updatePeers} on every epoch change, {@link #close} on shutdown. Sending never blocks: messages
 * go to a bounded per-peer queue (oldest dropped when full) and are written by the I/O threads.
 * Handlers are called on I/O threads and must only enqueue.
 *
 * <p>A link is admitted in three steps, each of which closes the link on failure: TLS with the
 * peer's certificate key in the validator set; a Hello with this chain's id and genesis and an
 * identity matching that key; then traffic, in frames no larger than the configured maximum.
 */
public final class Network implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Network.class);

  /** Bytes a frame body needs beyond its payload (variant, protocol, request id, length). */
  static final int FRAME_OVERHEAD = 16;

  private final NetworkConfig config;
  private final PinnedKeys pinned = new PinnedKeys(List.of());
  private final NetworkMetrics metrics = new NetworkMetrics();
  private final EventLoopGroup group;
  private final PeerLinks links;
  private final InboundRouter router;
  private final RpcClient rpc;
  private final LinkEnv env;
  private final Bootstrap dialBootstrap;
  private final String label;
  private final Object lifecycle = new Object();
  private volatile Channel listener;
  private boolean started;
  private boolean closed;

  public Network(NetworkConfig config) {
    this.config = config;
    this.label = "[" + shortHex(config.self()) + "]";
    NetworkCertificate identity = NetworkCertificate.create(config.networkKey());
    TlsContexts tls;
    try {
      tls = TlsContexts.create(identity, pinned);
    } catch (SSLException e) {
      throw new IllegalStateException("this JDK cannot set up TLS 1.3 with Ed25519 keys", e);
    }
    this.group = new MultiThreadIoEventLoopGroup(config.ioThreads(), NioIoHandler.newFactory());
    this.dialBootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.handshakeTimeout().toMillis())
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark());
    this.links = new PeerLinks(config, group, this::dial, label);
    this.rpc = new RpcClient(links, group, config.maxFrameBytes());
    this.router = new InboundRouter(links, metrics, config.maxFrameBytes());
    this.env =
        new LinkEnv(
            config,
            tls,
            pinned,
            identity.publicKey(),
            new HelloValidator(config.self(), config.chainId(), config.genesisHash()),
            links,
            router,
            rpc,
            metrics,
            new PendingInbound(config.maxPendingInbound(), config.maxPendingInboundPerAddress(),
                new InboundRate(config.inboundHandshakesPerSecond(), config.inboundHandshakeBurst())),
            new WarningThrottle(),
            label);
  }

  private static WriteBufferWaterMark waterMark() {
    return new WriteBufferWaterMark(256 * 1024, 1024 * 1024);
  }

  private ChannelFuture dial(PeerInfo peer) {
    return dialBootstrap
        .clone()
        .handler(new LinkInitializer(env, peer.address()))
        .connect(peer.host(), peer.port());
  }

  /** Registers the receiver of one-way messages for {@code protocol} (once per protocol). */
  public void registerHandler(ProtocolId protocol, MessageHandler handler) {
    router.register(protocol, handler);
  }

  /** Registers the server of requests for {@code protocol} (once per protocol). */
  public void registerRpcHandler(ProtocolId protocol, RpcHandler handler) {
    router.registerRpc(protocol, handler);
  }

  public void addConnectionListener(ConnectionListener listener) {
    links.addListener(listener);
  }

  /**
   * Listens on the configured address and dials the validators this node dials. {@code validators}
   * may include this node (it is skipped) and may be empty (peers added later).
   *
   * @return the address actually bound (the real port when the configured port is 0)
   * @throws NetworkException if the listen address cannot be bound
   */
  public InetSocketAddress start(Collection<PeerInfo> validators) throws NetworkException {
    synchronized (lifecycle) {
      if (started || closed) {
        throw new IllegalStateException("a network is started once");
      }
      ServerBootstrap server =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_REUSEADDR, true)
              .option(ChannelOption.SO_BACKLOG, 128)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childOption(ChannelOption.SO_KEEPALIVE, true)
              .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
              .childHandler(new LinkInitializer(env, null));
      ChannelFuture bound =
          server.bind(config.listenHost(), config.listenPort()).awaitUninterruptibly();
      if (!bound.isSuccess()) {
        throw new NetworkException(
            "cannot listen for peers on "
                + config.listenHost()
                + ":"
                + config.listenPort()
                + ": "
                + bound.cause().getMessage(),
            bound.cause());
      }
      listener = bound.channel();
      started = true;
      InetSocketAddress local = (InetSocketAddress) listener.localAddress();
      log.info("{} listening for peers on {}", label, local);
      updatePeers(validators);
      return local;
    }
  }

  /**
   * Replaces the validator set (epoch change): the TLS trust set becomes the new validators'
   * network keys, links to validators that left are closed, new validators are dialled.
   */
  public void updatePeers(Collection<PeerInfo> validators) {
    PeerDirectory directory = new PeerDirectory(config.self(), validators);
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      pinned.replace(directory.keys());
      links.update(directory);
    }
  }

  /** Queues {@code payload} for {@code peer}; never blocks. */
  public SendResult send(AccountAddress peer, ProtocolId protocol, byte[] payload) {
    if (frameSize(payload.length) > config.maxFrameBytes()) {
      return SendResult.TOO_LARGE;
    }
    return links.enqueue(peer, protocol, new WireMessage.DirectSend(protocol, payload));
  }

  /**
   * Queues {@code payload} for every current peer (not this node); returns how many peers it was
   * queued for. The payload array is shared, not copied: do not modify it afterwards.
   */
  public int broadcast(ProtocolId protocol, byte[] payload) {
    if (frameSize(payload.length) > config.maxFrameBytes()) {
      return 0;
    }
    WireMessage message = new WireMessage.DirectSend(protocol, payload);
    int queued = 0;
    for (PeerLink link : links.all()) {
      if (links.enqueue(link.address, protocol, message) == SendResult.QUEUED) {
        queued++;
      }
    }
    return queued;
  }

  /**
   * Sends a request and returns its response. The future fails with {@link RpcException}; it
   * completes on an I/O thread, so chain blocking work with an {@code *Async} method.
   */
  public CompletableFuture<byte[]> request(
      AccountAddress peer, ProtocolId protocol, byte[] payload, Duration timeout) {
    return rpc.request(peer, protocol, payload, timeout);
  }

  /** {@link #request(AccountAddress, ProtocolId, byte[], Duration)} with the default timeout. */
  public CompletableFuture<byte[]> request(
      AccountAddress peer, ProtocolId protocol, byte[] payload) {
    return request(peer, protocol, payload, config.requestTimeout());
  }

  /** The state of every current peer, in address order. */
  public List<PeerStatus> peers() {
    PeerDirectory directory = links.directory();
    List<PeerStatus> out = new ArrayList<>();
    for (PeerLink link : links.all()) {
      out.add(link.status(directory.weDial(link.address)));
    }
    out.sort(Comparator.comparing(PeerStatus::address));
    return out;
  }

  /** The state of the link to {@code peer}; DISCONNECTED for an unknown address. */
  public PeerState state(AccountAddress peer) {
    PeerLink link = links.get(peer);
    return link == null ? PeerState.DISCONNECTED : link.state;
  }

  /** The address peers connect to, once {@link #start started}; null before. */
  public InetSocketAddress listenAddress() {
    Channel l = listener;
    return l == null ? null : (InetSocketAddress) l.localAddress();
  }

  public NetworkStats stats() {
    return metrics.snapshot();
  }

  public NetworkConfig config() {
    return config;
  }

  /**
   * Stops accepting and dialling, says goodbye on every link, fails outstanding requests and stops
   * the I/O threads. Returns within a few seconds; idempotent.
   */
  @Override
  public void close() {
    List<ChannelFuture> closing;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      if (listener != null) {
        listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
      }
      closing = links.close();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    for (ChannelFuture f : closing) {
      f.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    rpc.failAll(RpcException.Kind.CLOSED, "network closed");
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    log.info("{} peer network closed", label);
  }

  static int frameSize(int payloadLength) {
    return payloadLength + FRAME_OVERHEAD;
  }

  private static String shortHex(AccountAddress address) {
    String hex = address.toHex().replaceFirst("^0+(?=.)", "");
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }
}
