package io.astraea.config.node;

import io.astraea.crypto.AccountAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The effective configuration of one validator process, after file, environment and command
 * line have been merged and validated by {@link NodeConfigLoader}. Paths are absolute.
 */
public record NodeConfig(
    String nodeName,
    Path dataDir,
    long pruneWindowVersions,
    Path genesisFile,
    AccountAddress account,
    Path consensusKeyFile,
    Path networkKeyFile,
    HostPort networkListen,
    int maxFrameBytes,
    HostPort apiListen,
    Optional<Path> faucetKeysDir,
    Duration roundTimeoutBase,
    int maxBlockTransactions,
    int mempoolCapacity,
    int mempoolCapacityPerAccount,
    Duration mempoolTtl,
    LogFormat logFormat,
    String logLevel) {

  /** How log lines are written. */
  public enum LogFormat {
    TEXT,
    JSON
  }

  public boolean faucetEnabled() {
    return faucetKeysDir.isPresent();
  }
}
