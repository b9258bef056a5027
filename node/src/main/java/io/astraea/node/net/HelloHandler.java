package io.astraea.node.net;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.node.net.wire.WireMessage;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application handshake after TLS: sends this node's Hello, then expects the peer's Hello as
 * the first message and has {@link HelloValidator} judge it against the TLS key. On success the
 * link is handed to {@link PeerLinks} and this handler is replaced by a {@link LinkHandler}; on
 * refusal a Goodbye with the reason is sent and the link closed. No protocol message is delivered
 * before this point.
 */
final class HelloHandler extends ChannelInboundHandlerAdapter {
  static final String NAME = "hello";
  private static final Logger log = LoggerFactory.getLogger(HelloHandler.class);

  private final LinkEnv env;
  private final AccountAddress dialled;
  private final Ed25519PublicKey tlsKey;
  private ScheduledFuture<?> timeout;
  private boolean done;

  HelloHandler(LinkEnv env, AccountAddress dialled, Ed25519PublicKey tlsKey) {
    this.env = env;
    this.dialled = dialled;
    this.tlsKey = tlsKey;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    ctx.writeAndFlush(env.hellos().ownHello(env.ownKey()))
        .addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
    timeout =
        ctx.executor()
            .schedule(
                () -> {
                  if (ctx.channel().isActive()) {
                    refuse(
                        ctx,
                        new HelloRejectedException(
                            HelloRejectedException.Reason.PROTOCOL,
                            "no Hello within " + env.config().helloTimeout()));
                  }
                },
                env.config().helloTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (timeout != null) {
      timeout.cancel(false);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (done) {
        return;
      }
      if (msg instanceof WireMessage.Hello hello) {
        accept(ctx, hello);
      } else if (msg instanceof WireMessage.Goodbye bye) {
        done = true;
        env.metrics().helloRejected.increment();
        log.warn(
            "{} {} refused our Hello: {}",
            env.label(),
            dialled != null ? dialled : ctx.channel().remoteAddress(),
            bye.reason());
        ctx.close();
      } else {
        refuse(
            ctx,
            new HelloRejectedException(
                HelloRejectedException.Reason.PROTOCOL,
                "expected a Hello first, got " + msg.getClass().getSimpleName()));
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void accept(ChannelHandlerContext ctx, WireMessage.Hello hello) {
    AccountAddress peer;
    try {
      peer = env.hellos().validate(hello, tlsKey, dialled, env.links().directory());
    } catch (HelloRejectedException e) {
      refuse(ctx, e);
      return;
    }
    done = true;
    ctx.channel().attr(LinkEnv.PEER).set(peer);
    env.pendingInbound().authenticated(ctx.channel());
    PeerLink link = env.links().get(peer);
    if (link == null) {
      ctx.close();
      return;
    }
    ctx.pipeline().replace(this, LinkHandler.NAME, new LinkHandler(env, link));
    env.links().linkUp(peer, ctx.channel());
  }

  private void refuse(ChannelHandlerContext ctx, HelloRejectedException e) {
    if (done) {
      return;
    }
    done = true;
    env.metrics().helloRejected.increment();
    log.warn(
        "{} refusing link with {} ({}): {} - {}",
        env.label(),
        ctx.channel().remoteAddress(),
        dialled == null ? "inbound" : "dialled " + dialled,
        e.reason(),
        e.getMessage());
    ctx.writeAndFlush(new WireMessage.Goodbye(e.reason() + ": " + e.getMessage()))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
