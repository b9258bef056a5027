package io.astraea.node.api;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-facing HTTP server (plain HTTP on its own port, separate from peer links). Routes
 * are exact paths; requests are aggregated up to {@code maxBodyBytes} (larger ones get 413
 * before they are buffered) and handled off the I/O threads, so a slow storage read never stalls
 * other connections. The worker queue is bounded: when it is full the server answers 503 at once
 * rather than queueing without limit. A route that waits for something (the faucet) answers
 * through a future ({@link HttpRoute#handleAsync}) and holds no worker while it waits.
 */
public final class HttpApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApiServer.class);

  private final Map<String, HttpRoute> routes;
  private final int maxBodyBytes;
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final ThreadPoolExecutor workers;
  private Channel channel;

  public HttpApiServer(Map<String, HttpRoute> routes, int maxBodyBytes, int workerThreads) {
    this.routes = new TreeMap<>(routes);
    this.maxBodyBytes = maxBodyBytes;
    this.workers = pool(workerThreads, 1024, "api-worker");
  }

  private static ThreadPoolExecutor pool(int threads, int queue, String name) {
    return new ThreadPoolExecutor(
        threads,
        threads,
        0,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queue),
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** Binds and starts serving; returns the bound address (port 0 picks a free port). */
  public InetSocketAddress start(InetSocketAddress bind) throws InterruptedException {
    ServerBootstrap b =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpServerExpectContinueHandler())
                        .addLast(new HttpObjectAggregator(maxBodyBytes))
                        .addLast(new RouteHandler());
                  }
                });
    channel = b.bind(bind).sync().channel();
    return (InetSocketAddress) channel.localAddress();
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdown();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class RouteHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      req.retain();
      String path = req.decoderResult().isSuccess() ? new QueryStringDecoder(req.uri()).path() : null;
      HttpRoute target = path == null ? null : routes.get(path);
      try {
        workers.execute(
            () -> route(req, path, target).whenComplete((reply, error) -> {
              try {
                respond(ctx, req, error == null ? reply : failed(path, error));
              } finally {
                req.release();
              }
            }));
      } catch (RejectedExecutionException e) {
        req.release();
        respond(ctx, req, HttpReply.text(503, "server busy, retry later\n"));
      }
    }

    /**
     * The answer to {@code req}, whose {@code path} (null: the request did not decode) maps to
     * {@code route}: at once, or later for a route that waits ({@link HttpRoute#handleAsync}).
     */
    private CompletableFuture<HttpReply> route(FullHttpRequest req, String path, HttpRoute route) {
      if (path == null) {
        return CompletableFuture.completedFuture(HttpReply.text(400, "malformed HTTP request\n"));
      }
      if (route == null) {
        return CompletableFuture.completedFuture(HttpReply.text(404, "no such path: " + path + "\n"));
      }
      try {
        return route.handleAsync(req);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    private HttpReply failed(String path, Throwable error) {
      LOG.error("HTTP route {} failed", path, error);
      return HttpReply.text(500, "internal error\n");
    }

    private void respond(ChannelHandlerContext ctx, FullHttpRequest req, HttpReply reply) {
      FullHttpResponse resp =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1,
              HttpResponseStatus.valueOf(reply.status()),
              Unpooled.wrappedBuffer(reply.body()));
      resp.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
      HttpUtil.setContentLength(resp, reply.body().length);
      boolean keepAlive = HttpUtil.isKeepAlive(req);
      HttpUtil.setKeepAlive(resp, keepAlive);
      var f = ctx.writeAndFlush(resp);
      if (!keepAlive) {
        f.addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("closing HTTP connection from {}: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    }
  }
}
