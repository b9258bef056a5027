package io.astraea.node.loadgen;

import io.astraea.crypto.AuthenticationKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a testnet faucet ({@code POST /mint}) to create and fund an account. */
final class FaucetClient {
  private final URI faucet;
  private final Duration timeout;
  private final HttpClient http;

  FaucetClient(URI faucet, Duration timeout) {
    this.faucet = faucet;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Mints {@code amount} of {@code currency} to the account of {@code auth}; returns the faucet's answer. */
  String mint(AuthenticationKey auth, long amount, String currency) throws IOException, InterruptedException {
    String base = faucet.toString();
    String path = faucet.getPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      base = base.replaceAll("/$", "") + "/mint";
    }
    URI uri = URI.create(base + (base.contains("?") ? "&" : "?") + "amount=" + amount + "&auth_key=" + auth.toHex()
        + "&currency_code=" + currency);
    HttpResponse<String> resp = http.send(
        HttpRequest.newBuilder(uri).timeout(timeout).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    if (resp.statusCode() != 200) {
      throw new IOException("the faucet answered HTTP " + resp.statusCode() + ": " + resp.body().trim());
    }
    return resp.body().trim();
  }
}
