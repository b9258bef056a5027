package io.astraea.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.keys.KeyFiles;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.KeptVmStatus;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.Transaction;
import io.astraea.node.api.methods.ScriptPayloads;
import io.astraea.node.client.LightClient;
import io.astraea.node.client.UnverifiedAnswerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code astraea account transfer}: signs a {@code peer_to_peer_with_metadata} payment with the
 * sender's next sequence number (from {@code get_account}) and submits it; with {@code --wait},
 * waits for it to commit and fails unless it executed; with {@code --verify}, also proves it.
 */
@Command(name = "transfer", mixinStandardHelpOptions = true, description = "Send a payment.")
final class AccountTransferCommand implements Callable<Integer> {
  @Option(names = "--url", required = true, paramLabel = "URL", description = "Node JSON-RPC URL.")
  URI url;

  @Option(names = "--key", required = true, paramLabel = "FILE", description = "Sender's private key file.")
  Path key;

  @Option(names = "--to", required = true, paramLabel = "ADDR", converter = AccountAddressConverter.class,
      description = "Receiver's address.")
  AccountAddress to;

  @Option(names = "--amount", required = true, paramLabel = "N", description = "Amount in base units.")
  long amount;

  @Option(names = "--currency", defaultValue = "XUS", description = "Currency code, default ${DEFAULT-VALUE}.")
  String currency;

  @Option(names = "--wait", description = "Wait until the payment is committed and report its status.")
  boolean await;

  @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECS",
      description = "Seconds to wait with --wait, default ${DEFAULT-VALUE}.")
  long timeoutSecs;

  @Option(names = "--gas-price", defaultValue = "0", paramLabel = "N", description = "Gas unit price, default ${DEFAULT-VALUE}.")
  long gasPrice;

  @Option(names = "--max-gas", defaultValue = "1000000", paramLabel = "N", description = "Max gas units, default ${DEFAULT-VALUE}.")
  long maxGas;

  @Option(names = "--verify", paramLabel = "GENESIS",
      description = "Wait until the payment is proven committed (implies --wait), trusting only the validators of "
          + "this genesis description; fails unless the proven transaction is the one signed here and it executed.")
  Path genesis;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (amount <= 0 || gasPrice < 0 || maxGas <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--amount and --max-gas must be positive and --gas-price not negative");
    }
    Ed25519PrivateKey k = KeyFiles.readPrivateKey(key);
    AccountAddress sender = AuthenticationKey.ed25519(k.publicKey()).derivedAddress();
    Duration timeout = Duration.ofSeconds(timeoutSecs);
    AccountRpc rpc = new AccountRpc(url, timeout);
    JsonNode account = rpc.account(sender)
        .orElseThrow(() -> new IOException("sender account " + sender.toHex() + " does not exist"));
    long seq = account.path("sequence_number").asLong();
    SignedTransaction txn = RawTransaction.builder()
        .sender(sender)
        .sequenceNumber(seq)
        .payload(ScriptPayloads.peerToPeer(currency, to, amount, Bytes.EMPTY, Bytes.EMPTY))
        .maxGasAmount(maxGas)
        .gasUnitPrice(gasPrice)
        .gasCurrencyCode(currency)
        .expirationTimestampSecs(Instant.now().plusSeconds(600).getEpochSecond())
        .chainId(new ChainId(rpc.chainId()))
        .build()
        .sign(k);
    rpc.submit(txn);
    PrintWriter out = spec.commandLine().getOut();
    String hash = new Transaction.UserTransaction(txn).hash().toHex();
    out.printf("submitted %d %s from %s to %s (sequence number %d, hash %s)%n",
        amount, currency, sender.toHex(), to.toHex(), seq, hash);
    out.flush();
    if (genesis != null) {
      return awaitProof(txn, timeout);
    }
    if (!await) {
      return AstraeaCli.EXIT_OK;
    }
    Optional<JsonNode> done = rpc.awaitTransaction(sender, seq, timeout);
    if (done.isEmpty()) {
      spec.commandLine().getErr().printf("not committed within %d s%n", timeoutSecs);
      return AstraeaCli.EXIT_FAILURE;
    }
    JsonNode status = done.get().path("vm_status");
    if (!status.path("type").asText().equals("executed")) {
      spec.commandLine().getErr().printf("committed at version %d but did not execute: %s%n",
          done.get().path("version").asLong(), status);
      return AstraeaCli.EXIT_FAILURE;
    }
    out.printf("executed at version %d%n", done.get().path("version").asLong());
    out.flush();
    return AstraeaCli.EXIT_OK;
  }

  /**
   * Polls until a ledger info the trusted validators signed proves {@code txn}'s sequence number
   * committed, then checks that the proven transaction is {@code txn} and that it executed.
   */
  private int awaitProof(SignedTransaction txn, Duration timeout) throws Exception {
    LightClient client = GenesisTrust.client(url, genesis);
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<LightClient.VerifiedTransaction> proven = Optional.empty();
    LightClient.Certified certified = null;
    while (proven.isEmpty()) {
      if (System.nanoTime() - deadline > 0) {
        spec.commandLine().getErr().printf("not proven committed within %d s%n", timeoutSecs);
        return AstraeaCli.EXIT_FAILURE;
      }
      certified = client.certified();
      proven = client.sentTransaction(txn.sender(), txn.sequenceNumber(), certified);
      if (proven.isEmpty()) {
        Thread.sleep(100);
      }
    }
    LightClient.VerifiedTransaction t = proven.get();
    if (!t.transaction().hash().equals(txn.hash())) {
      throw new UnverifiedAnswerException("sequence number " + txn.sequenceNumber()
          + " committed another transaction than the one signed here: " + t.transaction().hash().toHex());
    }
    if (!(t.info().status() instanceof KeptVmStatus.Executed)) {
      spec.commandLine().getErr().printf("committed at version %d but did not execute: %s%n", t.version(),
          t.info().status());
      return AstraeaCli.EXIT_FAILURE;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("executed at version %d%n", t.version());
    out.printf("verified: %s%n", certified.summary());
    out.flush();
    return AstraeaCli.EXIT_OK;
  }
}
