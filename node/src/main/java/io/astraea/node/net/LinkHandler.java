package io.astraea.node.net;

import io.astraea.node.net.wire.WireMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an authenticated link: routes protocol messages and RPC traffic, answers idleness with
 * heartbeats, closes a link that went silent, and resumes draining the outbound queue when the
 * socket becomes writable again.
 */
final class LinkHandler extends ChannelInboundHandlerAdapter {
  static final String NAME = "link";
  private static final Logger log = LoggerFactory.getLogger(LinkHandler.class);

  private final LinkEnv env;
  private final PeerLink link;

  LinkHandler(LinkEnv env, PeerLink link) {
    this.env = env;
    this.link = link;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof WireMessage.DirectSend d) {
      link.received.increment();
      env.router().onDirect(link.address, d);
    } else if (msg instanceof WireMessage.RpcRequest r) {
      link.received.increment();
      env.router().onRequest(link.address, r);
    } else if (msg instanceof WireMessage.RpcResponse r) {
      link.received.increment();
      env.rpc().onResponse(link.address, r);
    } else if (msg instanceof WireMessage.RpcError e) {
      link.received.increment();
      env.rpc().onError(link.address, e);
    } else if (msg instanceof WireMessage.Heartbeat) {
      log.trace("{} heartbeat from {}", env.label(), link.address);
    } else if (msg instanceof WireMessage.Goodbye bye) {
      log.info("{} {} closed the link: {}", env.label(), link.address, bye.reason());
      ctx.close();
    } else {
      log.warn("{} {} sent a second Hello; closing the link", env.label(), link.address);
      ctx.close();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent idle) {
      if (idle.state() == IdleState.WRITER_IDLE) {
        ctx.writeAndFlush(new WireMessage.Heartbeat());
      } else if (idle.state() == IdleState.READER_IDLE) {
        log.warn(
            "{} nothing from {} for {}; closing the link",
            env.label(),
            link.address,
            env.config().idleTimeout());
        ctx.close();
      }
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (ctx.channel().isWritable()) {
      link.drain(ctx.channel());
    }
    super.channelWritabilityChanged(ctx);
  }
}
