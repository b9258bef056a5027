package io.astraea.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astraea.config.node.NodeConfig;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.keys.KeyFiles;
import io.astraea.ledger.types.Bytes;
import io.astraea.node.api.methods.ScriptPayloads;
import io.astraea.node.net.Network;
import io.astraea.node.net.NetworkConfig;
import io.astraea.node.net.PeerInfo;
import io.astraea.node.net.PeerState;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running 4-validator network is fed hostile input at every edge — garbage JSON, malformed and
 * badly signed transactions, raw garbage on a peer port, a TLS peer whose key is not a
 * validator's — and must answer each with a typed error while consensus keeps committing.
 */
class HostileInputClusterTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dir;
  private LocalCluster cluster;
  private Network stranger;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();

  @AfterEach
  void tearDown() {
    if (stranger != null) {
      stranger.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private JsonNode post(int node, String body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(cluster.apiBase(node) + "/v1"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return mapper.readTree(r.body());
  }

  private static int errorCode(JsonNode response) {
    return response.path("error").path("code").asInt();
  }

  @Test
  @Timeout(240)
  void hostileInputGetsTypedErrorsAndConsensusKeepsCommitting() throws Exception {
    cluster = LocalCluster.generate(dir, 4);
    cluster.startAll();
    Await.until(WAIT, "every validator commits", () -> {
      for (int i = 0; i < 4; i++) {
        if (cluster.version(i) < 1) {
          return false;
        }
      }
      return true;
    });

    // Client API: garbage JSON, a malformed transaction, and a well-formed one with a bad signature.
    assertEquals(-32700, errorCode(post(0, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":")));
    assertEquals(-32602, errorCode(post(1, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"submit\",\"params\":[\"zz\"]}")));
    assertEquals(
        -32602, errorCode(post(2, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"submit\",\"params\":[\"00ff00ff\"]}")));
    String forged = forgedTransactionHex(TestAccount.generate(new java.security.SecureRandom()));
    JsonNode rejected = post(3, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"submit\",\"params\":[\"" + forged + "\"]}");
    assertEquals(-32001, errorCode(rejected), rejected.toString());
    assertEquals(1.0, cluster.node(3).metrics().mempoolRejected.labelValues("vm_validation").get(),
        "the refused transaction is counted by reason");

    // Peer port: bytes that are not TLS at all, including a huge frame length.
    NodeConfig target = cluster.config(1);
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", target.networkListen().port()), 5_000);
      OutputStream o = s.getOutputStream();
      o.write(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3, 4, 5, 6, 7, 8});
      o.flush();
      s.setSoTimeout(5_000);
      assertEquals(-1, s.getInputStream().read(), "the node must close a connection that does not speak TLS");
    }

    // A TLS peer whose key belongs to no validator: refused at the handshake.
    PeerInfo node1 =
        new PeerInfo(
            target.account(),
            KeyFiles.readPrivateKey(target.networkKeyFile()).publicKey(),
            "127.0.0.1",
            target.networkListen().port());
    AccountAddress strangerAddress = AccountAddress.of("0x1"); // lowest address: it dials
    stranger =
        new Network(
            NetworkConfig.builder()
                .self(strangerAddress)
                .networkKey(Ed25519PrivateKey.generate())
                .chainId(LocalCluster.CHAIN_ID)
                .genesisHash(cluster.node(0).ledger().genesisHash())
                .listen("127.0.0.1", 0)
                .build());
    stranger.start(List.of(new PeerInfo(strangerAddress, Ed25519PrivateKey.generate().publicKey(), "127.0.0.1", 1), node1));

    // Consensus goes on through all of it: every validator commits several more blocks.
    long[] before = new long[4];
    for (int i = 0; i < 4; i++) {
      before[i] = cluster.version(i);
    }
    Await.until(WAIT, "every validator commits 3 more blocks", () -> {
      for (int i = 0; i < 4; i++) {
        if (cluster.version(i) < before[i] + 3) {
          return false;
        }
      }
      return true;
    });
    assertNotEquals(PeerState.CONNECTED, stranger.state(target.account()), "a stranger must never connect");
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> health =
          http.send(HttpRequest.newBuilder(URI.create(cluster.apiBase(i) + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
    }
    assertTrue(cluster.node(1).metrics().scrape().length > 0);
  }

  /** A well-formed transfer whose signature has one bit flipped. */
  private static String forgedTransactionHex(TestAccount who) {
    byte[] bcs =
        who.sign(0, ScriptPayloads.peerToPeer(TestAccount.XUS, AccountAddress.of("0x2"), 1, Bytes.EMPTY, Bytes.EMPTY))
            .toBcs();
    bcs[bcs.length - 1] ^= 0x01; // inside the Ed25519 signature, the last field
    return java.util.HexFormat.of().formatHex(bcs);
  }
}
