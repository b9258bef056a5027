package io.astraea.node.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.astraea.config.GenesisDescription;
import io.astraea.config.node.NodeConfig;
import io.astraea.consensus.Action;
import io.astraea.consensus.ConsensusConfig;
import io.astraea.consensus.ConsensusCore;
import io.astraea.consensus.RecoveryData;
import io.astraea.consensus.liveness.RoundTimeouts;
import io.astraea.consensus.safety.ConsensusSigner;
import io.astraea.consensus.safety.SafetyRules;
import io.astraea.consensus.types.CachingSignatureChecker;
import io.astraea.consensus.types.SignatureChecker;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.keys.KeyFiles;
import io.astraea.ledger.execution.ExecutorConfig;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.node.api.HttpApiServer;
import io.astraea.node.api.HttpReply;
import io.astraea.node.api.HttpRoute;
import io.astraea.node.api.JsonRpcDispatcher;
import io.astraea.node.api.JsonRpcRoute;
import io.astraea.node.api.methods.DiemJsonRpcMethods;
import io.astraea.node.api.methods.LedgerReader;
import io.astraea.node.faucet.Faucet;
import io.astraea.node.faucet.FaucetKeys;
import io.astraea.node.faucet.FaucetRoute;
import io.astraea.node.ledger.LedgerService;
import io.astraea.node.ledger.RocksSafetyStorage;
import io.astraea.node.ledger.SpeculativeExecutor;
import io.astraea.node.ledger.StatePruner;
import io.astraea.node.ledger.VerifiedSignatures;
import io.astraea.node.mempool.Mempool;
import io.astraea.node.mempool.MempoolBroadcaster;
import io.astraea.node.mempool.MempoolConfig;
import io.astraea.node.mempool.MempoolPayloadSource;
import io.astraea.node.mempool.MempoolRejection;
import io.astraea.node.mempool.MempoolService;
import io.astraea.node.metrics.NodeMetrics;
import io.astraea.node.net.Network;
import io.astraea.node.net.NetworkConfig;
import io.astraea.node.net.PeerState;
import io.astraea.node.net.wire.ProtocolId;
import io.astraea.node.sync.StateSynchronizer;
import io.astraea.node.sync.SyncClient;
import io.astraea.node.sync.SyncServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One validator process: storage, execution, mempool, peer links, consensus and the client API,
 * started in that order and stopped in the reverse one (API, consensus, peers, storage) so that
 * nothing writes to a closed store.
 */
public final class ValidatorNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ValidatorNode.class);
  /** Diem's JSON-RPC default batch limit. */
  private static final int MAX_BATCH = 20;

  private final NodeConfig config;
  private final NodeMetrics metrics = new NodeMetrics();
  private LedgerService ledger;
  private SpeculativeExecutor executor;
  private StatePruner pruner;
  private MempoolBroadcaster broadcaster;
  private MempoolService mempool;
  private Network network;
  private ConsensusDriver driver;
  private HttpApiServer api;
  /** The testnet faucet, if enabled. */
  private Faucet faucet;
  private ExecutorService syncPool;
  private InetSocketAddress apiAddress;
  private InetSocketAddress peerAddress;

  private ValidatorNode(NodeConfig config) {
    this.config = config;
  }

  /** Starts a validator; on failure everything already started is closed again. */
  public static ValidatorNode start(NodeConfig config) throws Exception {
    ValidatorNode node = new ValidatorNode(config);
    try {
      node.startAll();
      return node;
    } catch (Exception | Error e) {
      node.close();
      throw e;
    }
  }

  private void startAll() throws Exception {
    GenesisDescription genesis = GenesisDescription.load(config.genesisFile());
    Ed25519PrivateKey consensusKey = KeyFiles.readPrivateKey(config.consensusKeyFile());
    Ed25519PrivateKey networkKey = KeyFiles.readPrivateKey(config.networkKeyFile());
    AccountAddress self = config.account();

    ledger = LedgerService.open(config.dataDir(), genesis);
    LOG.info("ledger at version {}, genesis {}", ledger.latestVersion(), ledger.genesisHash().toHex());
    metrics.ledgerVersion.set(ledger.latestVersion());
    if (!ledger.currentEpochState().verifier().contains(self)) {
      throw new IllegalStateException(
          "account " + self.toHex() + " is not a validator of epoch " + ledger.currentEpochState().epoch());
    }

    VerifiedSignatures verified = new VerifiedSignatures(VerifiedSignatures.DEFAULT_CAPACITY);
    ExecutorConfig execution = ExecutorConfig.standard();
    executor = new SpeculativeExecutor(ledger, verified, execution);
    Mempool pool =
        new Mempool(
            new MempoolConfig(
                config.mempoolCapacity(), config.mempoolCapacityPerAccount(), config.mempoolTtl().toMillis()));
    mempool =
        new MempoolService(
            pool, ledger, verified, execution, 2, System::currentTimeMillis, MempoolService.DEFAULT_MAX_TRANSACTION_BYTES);
    executor.addCommitListener(mempool);
    pruner = new StatePruner(ledger.store(), config.pruneWindowVersions(), n -> metrics.prunedStateNodes.inc(n));
    executor.addCommitListener(pruner);
    executor.addCommitListener(
        c -> {
          metrics.ledgerVersion.set(c.latestVersion());
          metrics.committedTransactions.inc(c.committed().size());
          metrics.mempoolSize.set(mempool.size());
        });

    network =
        new Network(
            NetworkConfig.builder()
                .self(self)
                .networkKey(networkKey)
                .chainId(genesis.chainId())
                .genesisHash(ledger.genesisHash())
                .listen(config.networkListen().host(), config.networkListen().port())
                .maxFrameBytes(config.maxFrameBytes())
                .build());
    broadcaster = new MempoolBroadcaster(bytes -> network.broadcast(ProtocolId.MEMPOOL, bytes),
        MempoolBroadcaster.DEFAULT_MAX_TRANSACTIONS,
        Math.min(config.maxFrameBytes() / 2, MempoolBroadcaster.DEFAULT_MAX_BYTES),
        MempoolBroadcaster.DEFAULT_DELAY_MILLIS);
    mempool.addListener(broadcaster);
    network.registerHandler(
        ProtocolId.MEMPOOL,
        (from, bytes) -> {
          try {
            mempool.submitFromPeer(bytes);
          } catch (Exception e) {
            metrics.rejectedMessages.labelValues("malformed_mempool").inc();
          }
        });

    SyncServer syncServer = new SyncServer(ledger.store(), 1000, config.maxFrameBytes() / 2);
    syncPool = Executors.newFixedThreadPool(1, r -> daemonThread(r, "state-sync-server"));
    network.registerRpcHandler(
        ProtocolId.STATE_SYNC,
        (from, req, responder) -> syncPool.execute(() -> responder.respond(syncServer.handle(req))));
    SyncClient syncClient =
        new SyncClient(
            ledger,
            (peer, req) -> network.request(peer, ProtocolId.STATE_SYNC, req, Duration.ofSeconds(10)).get(),
            execution,
            500);
    syncClient.addCommitListener(mempool);
    syncClient.addCommitListener(pruner);
    StateSynchronizer sync =
        new StateSynchronizer(
            ledger,
            executor,
            syncClient,
            action -> {
              List<AccountAddress> peers = new ArrayList<>(action.target().signatures().keySet());
              peers.remove(self);
              return peers;
            });

    SignatureChecker checker = new CachingSignatureChecker(SignatureChecker.ed25519(), 4096);
    SafetyRules safety =
        new SafetyRules(
            ConsensusSigner.ed25519(self, consensusKey), new RocksSafetyStorage(ledger.store().consensus()), checker);
    ConsensusConfig consensusConfig =
        ConsensusConfig.builder()
            .roundTimeouts(new RoundTimeouts(config.roundTimeoutBase(), 1.2, 6))
            .build();
    ConsensusCore core =
        new ConsensusCore(
            consensusConfig,
            ledger.recoveryData(),
            safety,
            new MempoolPayloadSource(pool, config.maxBlockTransactions(), config.maxFrameBytes() / 4,
                executor::awaitWritesSettled),
            executor,
            checker);
    driver =
        new ConsensusDriver(
            ConsensusDriver.Core.of(core),
            self,
            ConsensusDriver.Transport.of(network),
            new ConsensusDriver.LedgerActions() {
              @Override
              public CompletableFuture<?> commit(Action.Commit commit) throws Exception {
                return executor.submitCommit(commit);
              }

              @Override
              public void syncTo(Action.SyncTo target) throws Exception {
                sync.syncTo(target);
                metrics.ledgerVersion.set(ledger.latestVersion());
              }

              @Override
              public CompletableFuture<?> persist(RecoveryData recovery) {
                return executor.submitRecoveryData(recovery);
              }

              @Override
              public void epochChanged(Action.EpochChanged change) {
                executor.awaitWritesSettled(); // the new validator set is read from the ledger
                try {
                  if (change.next().verifier().contains(self)) {
                    network.updatePeers(ValidatorPeers.of(ledger.systemState().validatorSet()));
                  } else {
                    // The validators refuse a non-member at TLS: redialling them forever helps no one.
                    LOG.warn("this node ({}) is not a validator of epoch {}: it closes its links to the validators"
                        + " and takes no further part in consensus", self.toHex(), change.next().epoch());
                    network.updatePeers(List.of());
                  }
                } catch (Exception e) {
                  LOG.error("cannot update peers for epoch {}: {}", change.next().epoch(), e.toString());
                }
              }
            },
            metrics,
            () -> System.currentTimeMillis() * 1000);
    network.registerHandler(ProtocolId.CONSENSUS, driver::onPeerMessage);
    network.addConnectionListener((peer, from, to) -> metrics.connectedPeers.set(connectedPeers()));

    peerAddress = network.start(ValidatorPeers.of(ledger.systemState().validatorSet()));
    mempool.start(Duration.ofSeconds(10));
    driver.start();
    api = new HttpApiServer(routes(), 1 << 20, 8);
    apiAddress = api.start(config.apiListen().toSocketAddress());
    LOG.info(
        "validator {} up: peers on {}, JSON-RPC on http://{}:{}/v1",
        self.toHex(), peerAddress, apiAddress.getHostString(), apiAddress.getPort());
  }

  /** A client's (or the faucet's) transaction into the mempool; refusals counted by reason. */
  private void submit(SignedTransaction txn) throws MempoolRejection {
    try {
      mempool.submit(txn);
    } catch (MempoolRejection r) {
      metrics.mempoolRejected.labelValues(r.reason().name().toLowerCase(java.util.Locale.ROOT)).inc();
      throw r;
    }
  }

  private Map<String, HttpRoute> routes() throws Exception {
    DiemJsonRpcMethods methods = new DiemJsonRpcMethods(ledger.store(), this::submit, this::connectedPeers);
    Map<String, HttpRoute> routes = new TreeMap<>();
    routes.put(
        "/v1",
        new JsonRpcRoute(new JsonRpcDispatcher(new ObjectMapper(), methods.methods(), methods::metadata, MAX_BATCH)));
    routes.put("/metrics", req -> new HttpReply(200, metrics.contentType(), metrics.scrape()));
    routes.put("/healthz", req -> driver.isRunning() ? HttpReply.text(200, "ok\n") : HttpReply.text(503, "consensus stopped\n"));
    routes.put("/readyz", req -> readiness());
    if (config.faucetKeysDir().isPresent()) {
      faucet = new Faucet(FaucetKeys.load(config.faucetKeysDir().get()), new LedgerReader(ledger.store()), this::submit);
      routes.put("/mint", new FaucetRoute(faucet));
      LOG.info("testnet faucet enabled at /mint");
    }
    return routes;
  }

  /**
   * Ready: consensus runs, this node is a validator of the current epoch, the ledger is past
   * genesis and a quorum of validators is reachable.
   */
  private HttpReply readiness() {
    if (!driver.isRunning()) {
      return HttpReply.text(503, "consensus stopped\n");
    }
    try {
      var epoch = ledger.currentEpochState();
      if (!epoch.verifier().contains(config.account())) {
        return HttpReply.text(503, "not a validator of epoch " + epoch.epoch() + "\n");
      }
      int validators = epoch.verifier().size();
      int reachable = connectedPeers() + 1;
      if (reachable * 3 <= validators * 2) {
        return HttpReply.text(503, "only " + reachable + " of " + validators + " validators reachable\n");
      }
      if (ledger.latestVersion() < 1) {
        return HttpReply.text(503, "no block committed yet\n");
      }
    } catch (Exception e) {
      return HttpReply.text(503, "ledger unavailable\n");
    }
    return HttpReply.text(200, "ready\n");
  }

  private int connectedPeers() {
    return (int) network.peers().stream().filter(p -> p.state() == PeerState.CONNECTED).count();
  }

  private static Thread daemonThread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  public InetSocketAddress apiAddress() {
    return apiAddress;
  }

  public InetSocketAddress peerAddress() {
    return peerAddress;
  }

  public NodeMetrics metrics() {
    return metrics;
  }

  public LedgerService ledger() {
    return ledger;
  }

  /**
   * Stops in order: API, consensus, the ledger writes in flight, mempool broadcast, peers, mempool,
   * state pruner, storage.
   */
  @Override
  public void close() {
    if (api != null) {
      api.close();
    }
    if (faucet != null) {
      faucet.close(); // mints still waiting answer 503
    }
    if (driver != null) {
      driver.close();
    }
    if (executor != null) {
      executor.close();
    }
    if (broadcaster != null) {
      broadcaster.close(); // its last batch still goes out
    }
    if (network != null) {
      network.close();
    }
    if (syncPool != null) {
      syncPool.shutdownNow();
    }
    if (mempool != null) {
      mempool.close();
    }
    if (pruner != null) {
      pruner.close();
    }
    if (ledger != null) {
      ledger.close();
    }
    LOG.info("stopped");
  }
}
