package io.astraea.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.keys.KeyFileException;
import io.astraea.crypto.keys.KeyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code astraea account create}: uses the key in {@code --key} (writing a new one, mode 0600, if
 * the file does not exist), asks the faucet to create the account and fund it, then waits until
 * the node shows the funds.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
    description = "Create (or top up) an account through the testnet faucet.")
final class AccountCreateCommand implements Callable<Integer> {
  @Option(names = "--url", required = true, paramLabel = "URL", description = "Node JSON-RPC URL, e.g. http://127.0.0.1:8080/v1.")
  URI url;

  @Option(names = "--faucet", required = true, paramLabel = "URL", description = "Faucet URL (POST /mint).")
  URI faucet;

  @Option(names = "--key", required = true, paramLabel = "FILE", description = "Private key file; generated if missing.")
  Path key;

  @Option(names = "--amount", defaultValue = "1000000000", paramLabel = "N",
      description = "Amount in base units (1 XUS = 1000000), default ${DEFAULT-VALUE}.")
  long amount;

  @Option(names = "--currency", defaultValue = "XUS", description = "Currency code, default ${DEFAULT-VALUE}.")
  String currency;

  @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECS",
      description = "Seconds to wait for the funds, default ${DEFAULT-VALUE}.")
  long timeoutSecs;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws KeyFileException, IOException, InterruptedException {
    if (amount <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--amount must be positive");
    }
    PrintWriter out = spec.commandLine().getOut();
    Ed25519PrivateKey k;
    if (Files.exists(key)) {
      k = KeyFiles.readPrivateKey(key);
    } else {
      k = Ed25519PrivateKey.generate();
      KeyFiles.writePrivateKey(key, k);
      KeyFiles.writePublicKey(key.resolveSibling(key.getFileName() + ".pub"), k.publicKey());
      out.printf("wrote new key %s%n", key);
    }
    AuthenticationKey auth = AuthenticationKey.ed25519(k.publicKey());
    AccountAddress address = auth.derivedAddress();
    Duration timeout = Duration.ofSeconds(timeoutSecs);
    AccountRpc rpc = new AccountRpc(url, timeout);
    long before = rpc.account(address).map(a -> AccountRpc.balance(a, currency)).orElse(0L);

    long dealerSeq = mint(auth, timeout);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<JsonNode> a = rpc.account(address);
      if (a.isPresent() && AccountRpc.balance(a.get(), currency) >= before + amount) {
        out.printf("account:             %s%n", address.toHex());
        out.printf("authentication key:  %s%n", auth.toHex());
        out.printf("balance:             %d %s%n", AccountRpc.balance(a.get(), currency), currency);
        out.flush();
        return AstraeaCli.EXIT_OK;
      }
      if (System.nanoTime() - deadline > 0) {
        spec.commandLine().getErr().printf(
            "the faucet accepted the request (dealer sequence number %d) but %s did not show the funds within %d s%n",
            dealerSeq, address.toHex(), timeoutSecs);
        return AstraeaCli.EXIT_FAILURE;
      }
      Thread.sleep(100);
    }
  }

  private long mint(AuthenticationKey auth, Duration timeout) throws IOException, InterruptedException {
    String base = faucet.toString();
    String path = faucet.getPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      base = base.replaceAll("/$", "") + "/mint";
    }
    URI uri = URI.create(base + (base.contains("?") ? "&" : "?") + "amount=" + amount + "&auth_key=" + auth.toHex()
        + "&currency_code=" + currency);
    HttpResponse<String> resp = HttpClient.newBuilder().connectTimeout(timeout).build().send(
        HttpRequest.newBuilder(uri).timeout(timeout).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    if (resp.statusCode() != 200) {
      throw new IOException("the faucet answered HTTP " + resp.statusCode() + ": " + resp.body().trim());
    }
    try {
      return Long.parseLong(resp.body().trim());
    } catch (NumberFormatException e) {
      throw new IOException("the faucet answered something other than a sequence number: " + resp.body().trim());
    }
  }
}
