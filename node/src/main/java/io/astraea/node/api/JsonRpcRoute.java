package io.astraea.node.api;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;

/**
 * {@code POST /v1}: Diem JSON-RPC. JSON-RPC errors are answered with HTTP 200 and an error
 * object, as Diem's server does; only a wrong HTTP method is an HTTP-level error.
 */
public final class JsonRpcRoute implements HttpRoute {
  private final JsonRpcDispatcher dispatcher;

  public JsonRpcRoute(JsonRpcDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public HttpReply handle(FullHttpRequest request) {
    if (!HttpMethod.POST.equals(request.method())) {
      return HttpReply.text(405, "JSON-RPC takes POST\n");
    }
    return HttpReply.json(200, dispatcher.handle(ByteBufUtil.getBytes(request.content())));
  }
}
