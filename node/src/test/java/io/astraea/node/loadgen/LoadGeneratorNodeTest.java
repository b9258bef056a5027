package io.astraea.node.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.astraea.node.api.HttpApiServer;
import io.astraea.node.api.HttpRoute;
import io.astraea.node.api.JsonRpcDispatcher;
import io.astraea.node.api.JsonRpcRoute;
import io.astraea.node.api.methods.DiemJsonRpcMethods;
import io.astraea.node.api.methods.LedgerReader;
import io.astraea.node.api.methods.TestChain;
import io.astraea.node.faucet.Faucet;
import io.astraea.node.faucet.FaucetKeys;
import io.astraea.node.faucet.FaucetRoute;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load generator end to end over real HTTP against the node's JSON-RPC methods and faucet on
 * a real ledger, where every submitted transaction is executed and committed at once (so the
 * window is 1: a pipelined successor would arrive before its predecessor commits).
 */
class LoadGeneratorNodeTest {
  @Test
  @Timeout(120)
  void everyTransferCommitsExecutesAndIsMeasured(@TempDir Path dir) throws Exception {
    try (TestChain chain = new TestChain(dir.resolve("db"))) {
      DiemJsonRpcMethods methods = new DiemJsonRpcMethods(chain.store, chain.submitter(), () -> 0);
      JsonRpcDispatcher dispatcher =
          new JsonRpcDispatcher(new ObjectMapper(), methods.methods(), methods::metadata, 20);
      Faucet faucet = new Faucet(new FaucetKeys(chain.treasury, chain.dealer), new LedgerReader(chain.store),
          chain.submitter());
      Map<String, HttpRoute> routes = Map.of("/v1", new JsonRpcRoute(dispatcher), "/mint", new FaucetRoute(faucet));
      HttpApiServer server = new HttpApiServer(routes, 1 << 20, 2);
      try {
        InetSocketAddress a = server.start(new InetSocketAddress("127.0.0.1", 0));
        String base = "http://127.0.0.1:" + a.getPort();
        long versionBefore = chain.store.latestVersion();
        // The same endpoint twice exercises the round-robin without a second server.
        LoadPlan plan = new LoadPlan(List.of(URI.create(base + "/v1"), URI.create(base + "/v1")),
            URI.create(base + "/mint"), 4, 40, 0, Duration.ofSeconds(60), 1, 4, Duration.ofSeconds(30));
        List<String> progress = new ArrayList<>();
        LoadReport r = new LoadGenerator(plan, progress::add).run();

        assertEquals(40, r.submitted(), r.format());
        assertEquals(40, r.committed(), r.format());
        assertEquals(40, r.executed(), r.format());
        assertTrue(r.failures().isEmpty(), r.format());
        assertEquals(40, r.latency().count());
        assertTrue(r.latency().p50() > 0 && r.latency().p50() <= r.latency().p99()
            && r.latency().p99() <= r.latency().max(), r.format());
        assertTrue(r.committedPerSecond() > 0, r.format());
        assertTrue(progress.get(0).startsWith("created and funded 4 accounts"), progress.toString());
        // 4 accounts x 3 faucet transactions, then the 40 transfers, each its own version.
        assertTrue(chain.store.latestVersion() >= versionBefore + 12 + 40, "the ledger holds every transfer");
      } finally {
        server.close();
      }
    }
  }
}
