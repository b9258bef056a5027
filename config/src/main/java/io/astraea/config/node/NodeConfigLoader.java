package io.astraea.config.node;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.CryptoMaterialException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds a {@link NodeConfig} with the precedence command line &gt; environment &gt; file &gt;
 * default. The YAML file is a tree whose leaves are the dotted keys of {@link #SETTINGS}; every
 * problem (unknown key, missing required key, bad value) is collected and reported together.
 * Relative paths are resolved against the directory of the configuration file.
 */
public final class NodeConfigLoader {
  private static final Function<String, String> TEXT = s -> s;

  /** Every key, in the order they are printed. */
  public static final List<Setting<?>> SETTINGS =
      List.of(
          Setting.optional("node.name", "validator", TEXT, "name used in logs"),
          Setting.required("storage.data_dir", TEXT, "directory of the node's RocksDB"),
          Setting.optional("storage.prune_window", "1000000", positiveLong(), "state versions kept before pruning"),
          Setting.required("genesis.file", TEXT, "genesis description (YAML)"),
          Setting.required("validator.account", TEXT, "this validator's account address"),
          Setting.required("validator.consensus_key", TEXT, "consensus private key (PKCS#8 PEM, mode 0600)"),
          Setting.required("validator.network_key", TEXT, "network private key (PKCS#8 PEM, mode 0600)"),
          Setting.required("network.listen", HostPort::parse, "peer listen address host:port"),
          Setting.optional("network.max_frame_bytes", "16777216", positiveInt(), "largest peer frame accepted"),
          Setting.required("api.listen", HostPort::parse, "JSON-RPC/metrics listen address host:port"),
          Setting.optional("api.faucet_keys_dir", "", TEXT, "testnet only: directory with the faucet's keys"),
          Setting.optional("consensus.round_timeout_ms", "1500", positiveLong(), "base round timeout"),
          Setting.optional("consensus.max_block_transactions", "1000", positiveInt(), "transactions per block"),
          Setting.optional("mempool.capacity", "100000", positiveInt(), "transactions in the mempool"),
          Setting.optional("mempool.capacity_per_account", "100", positiveInt(), "transactions per account"),
          Setting.optional("mempool.ttl_secs", "600", positiveLong(), "system TTL of a waiting transaction"),
          Setting.optional("log.format", "text", NodeConfigLoader::logFormat, "text or json"),
          Setting.optional("log.level", "info", NodeConfigLoader::logLevel, "trace, debug, info, warn or error"));

  private NodeConfigLoader() {}

  /**
   * Loads {@code file}, then applies environment variables ({@code ASTRAEA_STORAGE_DATA_DIR}...)
   * and command-line overrides ({@code key=value}).
   */
  public static NodeConfig load(Path file, Map<String, String> environment, Map<String, String> overrides)
      throws NodeConfigException {
    List<String> problems = new ArrayList<>();
    Path base = file.toAbsolutePath().getParent();
    Map<String, String> values = new TreeMap<>();
    try (JsonParser p = new YAMLFactory().createParser(Files.readString(file))) {
      if (p.nextToken() != null) {
        flatten(p, "", values, problems);
      }
    } catch (IOException e) {
      problems.add(file + ": cannot read: " + e.getMessage());
    }
    for (Setting<?> s : SETTINGS) {
      String env = environment.get(s.environmentVariable());
      if (env != null) {
        values.put(s.key(), env);
      }
    }
    values.putAll(overrides);
    Map<String, Object> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (SETTINGS.stream().noneMatch(s -> s.key().equals(e.getKey()))) {
        problems.add(e.getKey() + ": unknown setting");
      }
    }
    for (Setting<?> s : SETTINGS) {
      String raw = values.containsKey(s.key()) ? values.get(s.key()) : s.defaultValue().orElse(null);
      if (raw == null) {
        problems.add(s.key() + ": required (" + s.help() + ")");
        continue;
      }
      try {
        parsed.put(s.key(), s.parser().apply(raw.trim()));
      } catch (RuntimeException ex) {
        problems.add(s.key() + ": " + ex.getMessage());
      }
    }
    AccountAddress account = null;
    if (parsed.get("validator.account") instanceof String a) {
      try {
        account = AccountAddress.fromHex(a);
      } catch (CryptoMaterialException ex) {
        problems.add("validator.account: " + ex.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new NodeConfigException(problems);
    }
    String faucet = (String) parsed.get("api.faucet_keys_dir");
    return new NodeConfig(
        (String) parsed.get("node.name"),
        path(base, parsed, "storage.data_dir"),
        (Long) parsed.get("storage.prune_window"),
        path(base, parsed, "genesis.file"),
        account,
        path(base, parsed, "validator.consensus_key"),
        path(base, parsed, "validator.network_key"),
        (HostPort) parsed.get("network.listen"),
        (Integer) parsed.get("network.max_frame_bytes"),
        (HostPort) parsed.get("api.listen"),
        faucet.isEmpty() ? Optional.empty() : Optional.of(base.resolve(faucet).normalize()),
        Duration.ofMillis((Long) parsed.get("consensus.round_timeout_ms")),
        (Integer) parsed.get("consensus.max_block_transactions"),
        (Integer) parsed.get("mempool.capacity"),
        (Integer) parsed.get("mempool.capacity_per_account"),
        Duration.ofSeconds((Long) parsed.get("mempool.ttl_secs")),
        (NodeConfig.LogFormat) parsed.get("log.format"),
        (String) parsed.get("log.level"));
  }

  /** The effective settings as {@code key = value} lines, for printing at start. */
  public static List<String> describe(NodeConfig c) {
    return List.of(
        "node.name = " + c.nodeName(),
        "storage.data_dir = " + c.dataDir(),
        "storage.prune_window = " + c.pruneWindowVersions(),
        "genesis.file = " + c.genesisFile(),
        "validator.account = " + c.account().toHex(),
        "validator.consensus_key = " + c.consensusKeyFile(),
        "validator.network_key = " + c.networkKeyFile(),
        "network.listen = " + c.networkListen(),
        "network.max_frame_bytes = " + c.maxFrameBytes(),
        "api.listen = " + c.apiListen(),
        "api.faucet_keys_dir = " + c.faucetKeysDir().map(Path::toString).orElse("(faucet disabled)"),
        "consensus.round_timeout_ms = " + c.roundTimeoutBase().toMillis(),
        "consensus.max_block_transactions = " + c.maxBlockTransactions(),
        "mempool.capacity = " + c.mempoolCapacity(),
        "mempool.capacity_per_account = " + c.mempoolCapacityPerAccount(),
        "mempool.ttl_secs = " + c.mempoolTtl().toSeconds(),
        "log.format = " + c.logFormat().name().toLowerCase(Locale.ROOT),
        "log.level = " + c.logLevel());
  }

  private static Path path(Path base, Map<String, Object> parsed, String key) {
    return base.resolve((String) parsed.get(key)).normalize();
  }

  /**
   * Reads the YAML as a tree of mappings with scalar leaves, keeping each scalar's source text:
   * YAML would read {@code account: 0xA1} as the integer 161, which is not what an operator
   * writing an address means.
   */
  private static void flatten(JsonParser p, String prefix, Map<String, String> out, List<String> problems)
      throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        flatten(p, prefix.isEmpty() ? name : prefix + "." + name, out, problems);
      }
    } else if (t.isScalarValue()) {
      if (t != JsonToken.VALUE_NULL) {
        out.put(prefix, p.getText());
      }
    } else {
      problems.add((prefix.isEmpty() ? "(top level)" : prefix) + ": must be a mapping or a scalar value");
      p.skipChildren();
    }
  }

  private static Function<String, Long> positiveLong() {
    return s -> {
      long v;
      try {
        v = Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + s + "' is not a whole number");
      }
      if (v <= 0) {
        throw new IllegalArgumentException("must be positive, got " + v);
      }
      return v;
    };
  }

  private static Function<String, Integer> positiveInt() {
    return s -> {
      long v = positiveLong().apply(s);
      if (v > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("too large: " + v);
      }
      return (int) v;
    };
  }

  private static NodeConfig.LogFormat logFormat(String s) {
    try {
      return NodeConfig.LogFormat.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be text or json, got '" + s + "'");
    }
  }

  private static String logLevel(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    if (!List.of("trace", "debug", "info", "warn", "error").contains(l)) {
      throw new IllegalArgumentException("must be trace, debug, info, warn or error, got '" + s + "'");
    }
    return l;
  }
}
