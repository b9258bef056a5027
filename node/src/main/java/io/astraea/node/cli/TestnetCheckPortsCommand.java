package io.astraea.node.cli;

import io.astraea.config.node.HostPort;
import io.astraea.config.node.NodeConfigException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code astraea testnet check-ports}: fails, naming every busy port, if any port of the testnet
 * is already taken, so nothing starts half-way.
 */
@Command(name = "check-ports", mixinStandardHelpOptions = true, description = "Check the testnet's ports are free.")
final class TestnetCheckPortsCommand implements Callable<Integer> {
  @Option(names = "--dir", required = true)
  Path dir;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, NodeConfigException {
    List<String> busy = new ArrayList<>();
    for (TestnetDirectory.Member m : TestnetDirectory.members(dir)) {
      check(m.name() + " peer", m.config().networkListen(), busy);
      check(m.name() + " api", m.config().apiListen(), busy);
    }
    if (!busy.isEmpty()) {
      spec.commandLine().getErr().println("ports already in use (another testnet? use --base-port):");
      busy.forEach(b -> spec.commandLine().getErr().println("  " + b));
      return AstraeaCli.EXIT_FAILURE;
    }
    return AstraeaCli.EXIT_OK;
  }

  private static void check(String what, HostPort hp, List<String> busy) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(hp.toSocketAddress());
    } catch (IOException e) {
      busy.add(hp + " (" + what + "): " + e.getMessage());
    }
  }
}
