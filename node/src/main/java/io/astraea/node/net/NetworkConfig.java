package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.HashValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the peer network of one node. Immutable; built with {@link #builder}, which checks
 * every setting and reports all problems at once.
 *
 * @param self this validator's account address
 * @param networkKey the key of this node's TLS certificate (distinct from the consensus key)
 * @param chainId the chain id every peer must announce in its Hello (u8)
 * @param genesisHash the genesis hash every peer must announce in its Hello
 * @param listenHost the interface to listen on
 * @param listenPort the port to listen on; 0 picks a free one (see {@link Network#start})
 * @param maxFrameBytes the largest frame body accepted or sent (default 16 MiB)
 * @param outboundQueueCapacity messages held per peer and protocol while the link is down or slow
 *     (default 1024); when a queue is full, its oldest message is dropped
 * @param outboundQueueBytes payload bytes held per peer and protocol (default 8 MiB: dozens of
 *     full proposals); past it the oldest messages are dropped, but the newest is always kept
 * @param maxPendingInbound accepted connections not yet authenticated (TLS and Hello to come)
 *     allowed at once (default 64); more are closed as soon as they are accepted
 * @param maxPendingInboundPerAddress the same bound per remote IP address (default 16)
 * @param inboundHandshakesPerSecond how fast one remote IP address may open connections the node
 *     runs a TLS handshake for, in the long run (default 16 per second); see {@link InboundRate}
 * @param inboundHandshakeBurst how many it may open at once before that rate applies (default 64)
 * @param reconnectInitialDelay the first redial delay after a failure (default 200 ms)
 * @param reconnectMaxDelay the cap of the doubling redial delay (default 10 s)
 * @param handshakeTimeout the time allowed for the TCP connect and for the TLS handshake (default
 *     10 s)
 * @param helloTimeout the time allowed for the peer's Hello after TLS (default 10 s)
 * @param requestTimeout the default timeout of an outbound request (default 10 s)
 * @param heartbeatInterval an idle link sends a heartbeat this often (default 5 s)
 * @param idleTimeout a link with no inbound traffic this long is closed (default 30 s)
 * @param ioThreads Netty event-loop threads (default 2)
 */
public record NetworkConfig(
    AccountAddress self,
    Ed25519PrivateKey networkKey,
    int chainId,
    HashValue genesisHash,
    String listenHost,
    int listenPort,
    int maxFrameBytes,
    int outboundQueueCapacity,
    long outboundQueueBytes,
    int maxPendingInbound,
    int maxPendingInboundPerAddress,
    int inboundHandshakesPerSecond,
    int inboundHandshakeBurst,
    Duration reconnectInitialDelay,
    Duration reconnectMaxDelay,
    Duration handshakeTimeout,
    Duration helloTimeout,
    Duration requestTimeout,
    Duration heartbeatInterval,
    Duration idleTimeout,
    int ioThreads) {

  public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
  public static final int DEFAULT_OUTBOUND_QUEUE_CAPACITY = 1024;
  public static final long DEFAULT_OUTBOUND_QUEUE_BYTES = 8L * 1024 * 1024;
  public static final int DEFAULT_MAX_PENDING_INBOUND = 64;
  public static final int DEFAULT_MAX_PENDING_INBOUND_PER_ADDRESS = 16;
  public static final int DEFAULT_INBOUND_HANDSHAKES_PER_SECOND = 16;
  public static final int DEFAULT_INBOUND_HANDSHAKE_BURST = 64;

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NetworkConfig}; the identity fields are required, the rest have defaults. */
  public static final class Builder {
    private AccountAddress self;
    private Ed25519PrivateKey networkKey;
    private int chainId = -1;
    private HashValue genesisHash;
    private String listenHost = "0.0.0.0";
    private int listenPort = 0;
    private int maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
    private int outboundQueueCapacity = DEFAULT_OUTBOUND_QUEUE_CAPACITY;
    private long outboundQueueBytes = DEFAULT_OUTBOUND_QUEUE_BYTES;
    private int maxPendingInbound = DEFAULT_MAX_PENDING_INBOUND;
    private int maxPendingInboundPerAddress = DEFAULT_MAX_PENDING_INBOUND_PER_ADDRESS;
    private int inboundHandshakesPerSecond = DEFAULT_INBOUND_HANDSHAKES_PER_SECOND;
    private int inboundHandshakeBurst = DEFAULT_INBOUND_HANDSHAKE_BURST;
    private Duration reconnectInitialDelay = Duration.ofMillis(200);
    private Duration reconnectMaxDelay = Duration.ofSeconds(10);
    private Duration handshakeTimeout = Duration.ofSeconds(10);
    private Duration helloTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration heartbeatInterval = Duration.ofSeconds(5);
    private Duration idleTimeout = Duration.ofSeconds(30);
    private int ioThreads = 2;

    private Builder() {}

    public Builder self(AccountAddress v) {
      self = v;
      return this;
    }

    public Builder networkKey(Ed25519PrivateKey v) {
      networkKey = v;
      return this;
    }

    public Builder chainId(int v) {
      chainId = v;
      return this;
    }

    public Builder genesisHash(HashValue v) {
      genesisHash = v;
      return this;
    }

    public Builder listen(String host, int port) {
      listenHost = host;
      listenPort = port;
      return this;
    }

    public Builder maxFrameBytes(int v) {
      maxFrameBytes = v;
      return this;
    }

    public Builder outboundQueueCapacity(int v) {
      outboundQueueCapacity = v;
      return this;
    }

    public Builder outboundQueueBytes(long v) {
      outboundQueueBytes = v;
      return this;
    }

    public Builder maxPendingInbound(int total, int perAddress) {
      maxPendingInbound = total;
      maxPendingInboundPerAddress = perAddress;
      return this;
    }

    /** Per remote IP address: {@code burst} handshakes at once, then {@code perSecond}. */
    public Builder inboundHandshakeRate(int perSecond, int burst) {
      inboundHandshakesPerSecond = perSecond;
      inboundHandshakeBurst = burst;
      return this;
    }

    public Builder reconnectDelays(Duration initial, Duration max) {
      reconnectInitialDelay = initial;
      reconnectMaxDelay = max;
      return this;
    }

    public Builder handshakeTimeout(Duration v) {
      handshakeTimeout = v;
      return this;
    }

    public Builder helloTimeout(Duration v) {
      helloTimeout = v;
      return this;
    }

    public Builder requestTimeout(Duration v) {
      requestTimeout = v;
      return this;
    }

    public Builder heartbeat(Duration interval, Duration idleTimeout) {
      this.heartbeatInterval = interval;
      this.idleTimeout = idleTimeout;
      return this;
    }

    public Builder ioThreads(int v) {
      ioThreads = v;
      return this;
    }

    /** Checks every setting; throws one {@link IllegalArgumentException} listing all problems. */
    public NetworkConfig build() {
      List<String> errors = new ArrayList<>();
      if (self == null) {
        errors.add("self address is required");
      }
      if (networkKey == null) {
        errors.add("network key is required");
      }
      if (chainId < 0 || chainId > 255) {
        errors.add("chain id must be in 0..255, got " + chainId);
      }
      if (genesisHash == null) {
        errors.add("genesis hash is required");
      }
      if (listenHost == null || listenHost.isBlank()) {
        errors.add("listen host is required");
      }
      if (listenPort < 0 || listenPort > 65_535) {
        errors.add("listen port must be in 0..65535, got " + listenPort);
      }
      if (maxFrameBytes < 1024) {
        errors.add("max frame size must be at least 1024 bytes, got " + maxFrameBytes);
      }
      if (outboundQueueCapacity < 1) {
        errors.add("outbound queue capacity must be positive, got " + outboundQueueCapacity);
      }
      if (outboundQueueBytes < 1) {
        errors.add("outbound queue bytes must be positive, got " + outboundQueueBytes);
      }
      if (maxPendingInbound < 1 || maxPendingInboundPerAddress < 1) {
        errors.add("pending inbound bounds must be positive, got " + maxPendingInbound + " and "
            + maxPendingInboundPerAddress);
      }
      if (inboundHandshakesPerSecond < 1 || inboundHandshakeBurst < 1) {
        errors.add("inbound handshake rate and burst must be positive, got " + inboundHandshakesPerSecond
            + " and " + inboundHandshakeBurst);
      }
      positive(errors, "reconnect initial delay", reconnectInitialDelay);
      positive(errors, "reconnect max delay", reconnectMaxDelay);
      if (reconnectInitialDelay != null
          && reconnectMaxDelay != null
          && reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
        errors.add("reconnect max delay must not be below the initial delay");
      }
      positive(errors, "handshake timeout", handshakeTimeout);
      positive(errors, "hello timeout", helloTimeout);
      positive(errors, "request timeout", requestTimeout);
      positive(errors, "heartbeat interval", heartbeatInterval);
      positive(errors, "idle timeout", idleTimeout);
      if (heartbeatInterval != null
          && idleTimeout != null
          && idleTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
        errors.add("idle timeout must be at least twice the heartbeat interval");
      }
      if (ioThreads < 1) {
        errors.add("io threads must be positive, got " + ioThreads);
      }
      if (!errors.isEmpty()) {
        throw new IllegalArgumentException("invalid network config: " + String.join("; ", errors));
      }
      return new NetworkConfig(
          self,
          networkKey,
          chainId,
          genesisHash,
          listenHost,
          listenPort,
          maxFrameBytes,
          outboundQueueCapacity,
          outboundQueueBytes,
          maxPendingInbound,
          maxPendingInboundPerAddress,
          inboundHandshakesPerSecond,
          inboundHandshakeBurst,
          reconnectInitialDelay,
          reconnectMaxDelay,
          handshakeTimeout,
          helloTimeout,
          requestTimeout,
          heartbeatInterval,
          idleTimeout,
          ioThreads);
    }

    private static void positive(List<String> errors, String name, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        errors.add(name + " must be positive");
      }
    }
  }
}
