package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;
import io.astraea.node.net.wire.FrameTooLargeException;
import io.astraea.node.net.wire.MalformedMessageException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage of every link: any failure closes that link (never another one, never the node),
 * and is logged once with its class: an oversized frame or an undecodable message is the peer's
 * fault and logged as a warning; TLS failures are logged by {@link TlsGate}; socket errors are
 * routine.
 */
final class LinkExceptionHandler extends ChannelInboundHandlerAdapter {
  static final String NAME = "errors";
  private static final Logger log = LoggerFactory.getLogger(LinkExceptionHandler.class);

  private final LinkEnv env;

  LinkExceptionHandler(LinkEnv env) {
    this.env = env;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Object who = who(ctx);
    Throwable t = cause;
    if (t instanceof DecoderException
        && t.getCause() != null
        && !(t instanceof FrameTooLargeException)
        && !(t instanceof MalformedMessageException)) {
      t = t.getCause();
    }
    if (t instanceof FrameTooLargeException big) {
      env.metrics().oversizedFrames.increment();
      log.warn("{} closing link with {}: {}", env.label(), who, big.getMessage());
    } else if (t instanceof MalformedMessageException bad) {
      env.metrics().malformed.increment();
      log.warn(
          "{} closing link with {}: malformed message: {}", env.label(), who, bad.getMessage());
    } else if (t instanceof SSLException && ctx.channel().attr(LinkEnv.PEER).get() == null) {
      // Typically the peer's trust manager refused our certificate after our side of a TLS 1.3
      // handshake had completed: this node's network key is not in that peer's validator set.
      long left = env.warnings().admit(ctx.channel().remoteAddress(), ctx.channel().parent() != null);
      if (left >= 0) {
        log.warn("{} TLS failure with {}: {}{}", env.label(), who, TlsGate.rootMessage(t), WarningThrottle.leftOut(left));
      }
    } else if (t instanceof SSLException) {
      log.debug("{} TLS error on link with {}: {}", env.label(), who, t.toString());
    } else if (t instanceof IOException) {
      log.debug("{} link with {} failed: {}", env.label(), who, t.toString());
    } else {
      log.warn("{} closing link with {} after an unexpected error", env.label(), who, t);
    }
    ctx.close();
  }

  private static Object who(ChannelHandlerContext ctx) {
    AccountAddress peer = ctx.channel().attr(LinkEnv.PEER).get();
    return peer != null ? peer : ctx.channel().remoteAddress();
  }
}
