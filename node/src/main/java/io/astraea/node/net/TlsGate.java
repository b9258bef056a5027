package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.node.net.tls.Ed25519Jdk;
import io.astraea.node.net.wire.FrameDecoder;
import io.astraea.node.net.wire.WireDecoder;
import io.astraea.node.net.wire.WireEncoder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for the TLS handshake. On failure (for example a key outside the validator set, refused by
 * the trust manager) it counts and logs the refusal and closes the link. On success it re-reads the
 * peer's key from the session, checks it is still pinned (a resumed session skips the trust
 * manager), and replaces itself with the framing, codec and Hello stages:
 *
 * <pre>
 * [tls] -> [idle] -> [frames] -> [decoder] -> [encoder] -> [hello] -> [errors]
 * </pre>
 */
final class TlsGate extends ChannelInboundHandlerAdapter {
  static final String SSL = "tls";
  static final String NAME = "tls-gate";
  private static final Logger log = LoggerFactory.getLogger(TlsGate.class);

  private final LinkEnv env;
  private final AccountAddress dialled;

  TlsGate(LinkEnv env, AccountAddress dialled) {
    this.env = env;
    this.dialled = dialled;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (!(evt instanceof SslHandshakeCompletionEvent done)) {
      super.userEventTriggered(ctx, evt);
      return;
    }
    if (!done.isSuccess()) {
      if (!(done.cause() instanceof SSLException)) {
        log.debug(
            "{} {} went away during the TLS handshake: {}",
            env.label(),
            ctx.channel().remoteAddress(),
            String.valueOf(done.cause()));
        ctx.close();
        return;
      }
      env.metrics().tlsRejected.increment();
      long left = env.warnings().admit(ctx.channel().remoteAddress(), dialled == null);
      if (left >= 0) {
        log.warn(
            "{} TLS handshake with {} ({}) failed: {}{}",
            env.label(),
            ctx.channel().remoteAddress(),
            dialled == null ? "inbound" : "dialling " + dialled,
            rootMessage(done.cause()),
            WarningThrottle.leftOut(left));
      }
      ctx.close();
      return;
    }
    Ed25519PublicKey key;
    try {
      key = peerKey(ctx);
    } catch (CertificateException | SSLPeerUnverifiedException e) {
      env.metrics().tlsRejected.increment();
      long left = env.warnings().admit(ctx.channel().remoteAddress(), dialled == null);
      if (left >= 0) {
        log.warn("{} refusing {}: {}{}", env.label(), ctx.channel().remoteAddress(), e.getMessage(),
            WarningThrottle.leftOut(left));
      }
      ctx.close();
      return;
    }
    NetworkConfig c = env.config();
    ChannelPipeline p = ctx.pipeline();
    p.addAfter(
        SSL,
        "idle",
        new IdleStateHandler(
            c.idleTimeout().toMillis(),
            c.heartbeatInterval().toMillis(),
            0,
            TimeUnit.MILLISECONDS));
    p.addAfter("idle", "frames", new FrameDecoder(c.maxFrameBytes()));
    p.addAfter("frames", "decoder", new WireDecoder());
    p.addAfter("decoder", "encoder", new WireEncoder(c.maxFrameBytes()));
    p.replace(this, HelloHandler.NAME, new HelloHandler(env, dialled, key));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
    log.warn(
        "{} data from {} before the TLS handshake completed",
        env.label(),
        ctx.channel().remoteAddress());
    ctx.close();
  }

  private Ed25519PublicKey peerKey(ChannelHandlerContext ctx)
      throws CertificateException, SSLPeerUnverifiedException {
    SslHandler ssl = (SslHandler) ctx.pipeline().get(SSL);
    Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
    if (chain.length != 1 || !(chain[0] instanceof X509Certificate cert)) {
      throw new CertificateException("peer did not present exactly one X.509 certificate");
    }
    Ed25519PublicKey key = Ed25519Jdk.publicKey(cert);
    if (!env.pinned().contains(key)) {
      throw new CertificateException("network key " + key.toHex() + " is not in the validator set");
    }
    return key;
  }

  static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == t ? String.valueOf(t) : t.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
