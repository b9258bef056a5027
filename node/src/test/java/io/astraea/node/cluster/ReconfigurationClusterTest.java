package io.astraea.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.config.testnet.TestnetGenerator;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.keys.KeyFiles;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.ledger.execution.StandardScript;
import io.astraea.ledger.genesis.GenesisBuilder;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.Identifier;
import io.astraea.ledger.types.ModuleId;
import io.astraea.ledger.types.ScriptFunction;
import io.astraea.ledger.types.TransactionPayload;
import io.astraea.node.api.methods.ScriptPayloads;
import io.astraea.node.client.LightClient;
import io.astraea.node.faucet.FaucetKeys;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An epoch change end to end: four validators in one JVM; the association root removes one of
 * them with {@code remove_validator_and_reconfigure}; the other three enter epoch 2 (whose quorum
 * is all three of them) and keep committing transfers, on the same root.
 */
class ReconfigurationClusterTest {
  private static final int NODES = 4;
  private static final int REMOVED = 3;
  private static final List<Integer> REMAINING = List.of(0, 1, 2);
  private static final String XUS = TestAccount.XUS;
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path dir;
  private LocalCluster cluster;

  @AfterEach
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void theRemainingValidatorsEnterTheNextEpochAndKeepCommitting() throws Exception {
    cluster = LocalCluster.generate(dir, NODES);
    cluster.startAll();
    Await.until(TIMEOUT, "every validator to commit a block", () -> minVersion(List.of(0, 1, 2, 3)) >= 1);

    TestAccount root = TestAccount.at(StateKeys.ASSOCIATION_ROOT,
        KeyFiles.readPrivateKey(cluster.layout().faucetDir().resolve(TestnetGenerator.ROOT_KEY)));
    AccountAddress removed = cluster.config(REMOVED).account();
    long rootSeq = Rpc.sequenceNumber(cluster.rpc(0), root.address());
    Rpc.submit(cluster.rpc(0), root.sign(rootSeq, removeValidator(cluster.layout().nodeName(REMOVED), removed)));
    Await.until(TIMEOUT, "the remaining validators to enter epoch 2", () -> {
      for (int n : REMAINING) {
        if (cluster.node(n).ledger().currentEpochState().epoch() != 2) {
          return false;
        }
      }
      return true;
    });
    for (int n : REMAINING) {
      var verifier = cluster.node(n).ledger().currentEpochState().verifier();
      assertEquals(NODES - 1, verifier.size(), "node " + n + "'s validator set");
      assertFalse(verifier.contains(removed), "node " + n + " still counts the removed validator");
    }

    // Epoch 2 commits: treasury compliance creates an account and mints to the dealer, who pays it.
    FaucetKeys keys = FaucetKeys.load(cluster.layout().faucetDir());
    TestAccount dealer = TestAccount.of(keys.dealer());
    TestAccount treasury = TestAccount.at(StateKeys.TREASURY_COMPLIANCE, keys.treasuryCompliance());
    TestAccount payee = TestAccount.generate(new SecureRandom());
    long dealerSeq = Rpc.sequenceNumber(cluster.rpc(0), dealer.address());
    long treasurySeq = Rpc.sequenceNumber(cluster.rpc(1), treasury.address());
    Rpc.submit(cluster.rpc(1), treasury.sign(treasurySeq, ScriptPayloads.createParentVasp(
        XUS, 0, payee.address(), payee.authKey().prefix(), "after the epoch change", false)));
    Rpc.submit(cluster.rpc(1), treasury.sign(treasurySeq + 1, ScriptPayloads.tieredMint(XUS, 0, dealer.address(), 42, 0)));
    Await.until(TIMEOUT, "the account creation and the mint",
        () -> Rpc.sequenceNumber(cluster.rpc(2), treasury.address()) == treasurySeq + 2);
    Rpc.submit(cluster.rpc(2), dealer.sign(dealerSeq,
        ScriptPayloads.peerToPeer(XUS, payee.address(), 42, Bytes.EMPTY, Bytes.EMPTY)));
    Await.until(TIMEOUT, "the payment on every remaining validator", () -> {
      for (int n : REMAINING) {
        if (Rpc.balance(cluster.rpc(n), payee.address(), XUS) != 42) {
          return false;
        }
      }
      return true;
    });
    for (int n : REMAINING) {
      assertEquals(200, health(n), "node " + n + "'s consensus is running");
    }
    assertEquals(200, health(REMOVED), "the removed validator keeps running");
    // Not ready either way: if it committed the change itself it knows it left the set; if not,
    // it is stuck in epoch 1, refused by validators that no longer know its key.
    HttpResponse<String> ready = get(REMOVED, "/readyz");
    assertEquals(503, ready.statusCode(), ready.body());
    assertTrue(ready.body().equals("not a validator of epoch 2\n") || ready.body().startsWith("only 1 of 4"),
        ready.body());
    Await.until(TIMEOUT, "the removed validator to close its links", () -> connectedPeers(REMOVED) == 0);
    String metrics = new String(cluster.node(0).metrics().scrape(), StandardCharsets.UTF_8);
    assertFalse(metrics.contains("astraea_ledger_commit_seconds_count 0"), "commits were timed:\n" + metrics);
    assertTrue(metrics.contains("astraea_ledger_commit_seconds_count"), metrics);
    long common = REMAINING.stream().mapToLong(cluster::version).max().orElseThrow();
    Await.until(TIMEOUT, "the remaining validators to reach version " + common,
        () -> minVersion(REMAINING) >= common);
    String rootHash = Rpc.accumulatorRoot(cluster.rpc(0), common);
    for (int n : REMAINING) {
      assertEquals(rootHash, Rpc.accumulatorRoot(cluster.rpc(n), common), "node " + n + "'s root at " + common);
    }

    // A client that trusts only the genesis validators follows the signed epoch change to epoch 2's
    // validators, and verifies the payee's balance against their certified ledger info.
    EpochState genesisValidators = GenesisBuilder.build(cluster.genesis()).epochState();
    LightClient.VerifiedAccount verified =
        new LightClient(cluster.rpc(1), genesisValidators).account(payee.address());
    assertEquals(2, verified.epoch());
    assertEquals(3, verified.validators());
    assertEquals(42, verified.state().orElseThrow().balance(XUS));
  }

  /** {@code remove_validator_and_reconfigure(sliding_nonce, validator_name, validator_address)}. */
  private static TransactionPayload removeValidator(String name, AccountAddress validator) {
    StandardScript s = StandardScript.REMOVE_VALIDATOR_AND_RECONFIGURE;
    List<Bytes> args = List.of(
        Bytes.of(new BcsWriter().writeU64(0).toByteArray()),
        Bytes.of(new BcsWriter().writeBytes(name.getBytes(StandardCharsets.UTF_8)).toByteArray()),
        Bytes.of(new BcsWriter().write(validator).toByteArray()));
    return TransactionPayload.scriptFunction(new ScriptFunction(ModuleId.core(s.moduleName().orElseThrow()),
        new Identifier(s.functionName().orElseThrow()), List.of(), args));
  }

  private int health(int node) throws Exception {
    return get(node, "/healthz").statusCode();
  }

  private HttpResponse<String> get(int node, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(cluster.apiBase(node).resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private double connectedPeers(int node) {
    return cluster.node(node).metrics().connectedPeers.get();
  }

  private long minVersion(List<Integer> nodes) {
    long min = Long.MAX_VALUE;
    for (int n : nodes) {
      min = Math.min(min, cluster.version(n));
    }
    return min;
  }
}
