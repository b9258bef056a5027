package io.astraea.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astraea.config.GenesisConfigException;
import io.astraea.config.GenesisDescription;
import io.astraea.config.node.NodeConfigException;
import io.astraea.ledger.genesis.GenesisBuilder;
import io.astraea.ledger.genesis.GenesisException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code astraea testnet manifest}: writes {@code DIR/testnet.json} (chain id, genesis hash,
 * faucet and every validator's endpoints, pid, data and log paths) and prints the endpoints.
 */
@Command(name = "manifest", mixinStandardHelpOptions = true, description = "Write DIR/testnet.json and print endpoints.")
final class TestnetManifestCommand implements Callable<Integer> {
  @Option(names = "--dir", required = true)
  Path dir;

  @Option(names = "--quiet", description = "Only write the file.")
  boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call()
      throws IOException, NodeConfigException, GenesisConfigException, GenesisException {
    List<TestnetDirectory.Member> members = TestnetDirectory.members(dir);
    GenesisDescription genesis = GenesisDescription.load(members.get(0).config().genesisFile());
    String genesisHash = GenesisBuilder.build(genesis).hash().toHex();

    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("chain_id", genesis.chainId());
    root.put("genesis_hash", genesisHash);
    TestnetDirectory.Member faucet =
        members.stream().filter(m -> m.config().faucetEnabled()).findFirst().orElse(members.get(0));
    root.put("faucet", "http://" + faucet.config().apiListen() + "/mint");
    ArrayNode vs = root.putArray("validators");
    for (TestnetDirectory.Member m : members) {
      ObjectNode v = vs.addObject();
      v.put("name", m.name());
      if (m.pid().isPresent()) {
        v.put("pid", m.pid().getAsLong());
      } else {
        v.putNull("pid");
      }
      v.put("json_rpc", m.jsonRpc().toString());
      v.put("peer", m.config().networkListen().toString());
      v.put("metrics", m.metrics().toString());
      v.put("data_dir", m.config().dataDir().toString());
      v.put("log", m.log().toString());
      v.put("account", m.config().account().toHex());
    }
    Path out = dir.resolve("testnet.json");
    Path tmp = dir.resolve("testnet.json.tmp");
    mapper.writeValue(tmp.toFile(), root);
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    if (!quiet) {
      PrintWriter o = spec.commandLine().getOut();
      o.printf("testnet up: chain id %d, genesis %s%n", genesis.chainId(), genesisHash);
      for (TestnetDirectory.Member m : members) {
        o.printf(
            "  %-6s pid %-7s json-rpc %s  peer %s  log %s%n",
            m.name(), m.pid().isPresent() ? m.pid().getAsLong() : "-", m.jsonRpc(), m.config().networkListen(), m.log());
      }
      o.printf("  faucet %s%n  manifest %s%n", root.get("faucet").asText(), out);
      o.flush();
    }
    return AstraeaCli.EXIT_OK;
  }
}
