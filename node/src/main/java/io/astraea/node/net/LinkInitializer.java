package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;

/**
 * The initial pipeline of every peer link, dialled or accepted:
 *
 * <pre>
 * [tls: SslHandler] -> [gate: TlsGate] -> [errors: LinkExceptionHandler]
 * </pre>
 *
 * Nothing that frames or decodes application bytes exists until the TLS handshake has succeeded and
 * the peer's key is confirmed pinned; {@link TlsGate} then installs the rest. An accepted
 * connection over the {@link PendingInbound} bounds is closed before any of this.
 */
final class LinkInitializer extends ChannelInitializer<SocketChannel> {
  private final LinkEnv env;
  private final AccountAddress dialled;

  /** {@code dialled} is the validator being dialled, or null on the accepting side. */
  LinkInitializer(LinkEnv env, AccountAddress dialled) {
    this.env = env;
    this.dialled = dialled;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    if (dialled == null && !env.pendingInbound().admit(ch)) {
      env.metrics().inboundRefused.increment();
      ch.close();
      return;
    }
    SslHandler ssl =
        dialled == null
            ? env.tls().server().newHandler(ch.alloc())
            : env.tls().client().newHandler(ch.alloc());
    ssl.setHandshakeTimeoutMillis(env.config().handshakeTimeout().toMillis());
    ch.pipeline()
        .addLast(TlsGate.SSL, ssl)
        .addLast(TlsGate.NAME, new TlsGate(env, dialled))
        .addLast(LinkExceptionHandler.NAME, new LinkExceptionHandler(env));
  }
}
