package io.astraea.node.faucet;

import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.node.api.HttpReply;
import io.astraea.node.api.HttpRoute;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /mint?amount=&auth_key=&currency_code=[&return_txns=true]}: Diem's testnet faucet
 * protocol. Success is HTTP 200 with the dealer's next sequence number as text, or with
 * {@code return_txns=true} the hex of the BCS list of the signed transactions submitted. Bad
 * parameters are 400 with a message saying which; refusals 500; timeouts and a busy node 503.
 */
public final class FaucetRoute implements HttpRoute {
  private static final Logger LOG = LoggerFactory.getLogger(FaucetRoute.class);

  private final Faucet faucet;

  public FaucetRoute(Faucet faucet) {
    this.faucet = faucet;
  }

  /** Blocks until the mint is done; the server uses {@link #handleAsync}, which does not. */
  @Override
  public HttpReply handle(FullHttpRequest request) {
    return handleAsync(request).join();
  }

  /**
   * Answers once the mint's account creation and mint committed and the payment was submitted;
   * the calling thread only submits the first step. Never completes exceptionally: every failure
   * is an HTTP answer.
   */
  @Override
  public CompletableFuture<HttpReply> handleAsync(FullHttpRequest request) {
    if (!HttpMethod.POST.equals(request.method())) {
      return CompletableFuture.completedFuture(
          HttpReply.text(405, "the faucet takes POST /mint?amount=&auth_key=&currency_code=\n"));
    }
    MintRequest req;
    try {
      req = MintRequest.parse(new QueryStringDecoder(request.uri()).parameters());
    } catch (FaucetException e) {
      return CompletableFuture.completedFuture(failure(e));
    }
    return faucet.mintAsync(req).handle((r, error) -> error == null ? success(req, r) : failure(error));
  }

  private static HttpReply success(MintRequest req, Faucet.MintResult r) {
    if (req.returnTxns()) {
      BcsWriter w = new BcsWriter();
      w.writeSeq(r.transactions(), (ww, t) -> t.serialize(ww));
      return HttpReply.text(200, HexFormat.of().formatHex(w.toByteArray()));
    }
    return HttpReply.text(200, Long.toString(r.dealerNextSequenceNumber()));
  }

  private static HttpReply failure(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof FaucetException e) {
      return HttpReply.text(e.kind().httpStatus(), e.getMessage() + "\n");
    }
    LOG.error("faucet mint failed", cause);
    return HttpReply.text(500, "internal error\n");
  }
}
