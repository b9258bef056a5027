package io.astraea.node.faucet;

import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.node.api.HttpReply;
import io.astraea.node.api.HttpRoute;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.HexFormat;

/**
 * {@code POST /mint?amount=&auth_key=&currency_code=[&return_txns=true]}: Diem's testnet faucet
 * protocol. Success is HTTP 200 with the dealer's next sequence number as text, or with
 * {@code return_txns=true} the hex of the BCS list of the signed transactions submitted. Bad
 * parameters are 400 with a message saying which; refusals 500; timeouts and a busy node 503.
 */
public final class FaucetRoute implements HttpRoute {
  private final Faucet faucet;

  public FaucetRoute(Faucet faucet) {
    this.faucet = faucet;
  }

  /** A mint waits for its account creation and mint to commit. */
  @Override
  public boolean waits() {
    return true;
  }

  @Override
  public HttpReply handle(FullHttpRequest request) {
    if (!HttpMethod.POST.equals(request.method())) {
      return HttpReply.text(405, "the faucet takes POST /mint?amount=&auth_key=&currency_code=\n");
    }
    try {
      MintRequest req = MintRequest.parse(new QueryStringDecoder(request.uri()).parameters());
      Faucet.MintResult r = faucet.mint(req);
      if (req.returnTxns()) {
        BcsWriter w = new BcsWriter();
        w.writeSeq(r.transactions(), (ww, t) -> t.serialize(ww));
        return HttpReply.text(200, HexFormat.of().formatHex(w.toByteArray()));
      }
      return HttpReply.text(200, Long.toString(r.dealerNextSequenceNumber()));
    } catch (FaucetException e) {
      return HttpReply.text(e.kind().httpStatus(), e.getMessage() + "\n");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HttpReply.text(503, "the faucet is shutting down\n");
    }
  }
}
