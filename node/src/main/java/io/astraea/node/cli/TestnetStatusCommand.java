package io.astraea.node.cli;

import io.astraea.config.node.NodeConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code astraea testnet status}: each validator's process state and ledger version. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show each validator's ledger version.")
final class TestnetStatusCommand implements Callable<Integer> {
  @Option(names = "--dir", required = true)
  Path dir;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, NodeConfigException, InterruptedException {
    for (TestnetDirectory.Member m : TestnetDirectory.members(dir)) {
      long v = m.alive() ? TestnetWaitCommand.version(m) : -1;
      spec.commandLine()
          .getOut()
          .printf("%-6s %-8s version %s  %s%n", m.name(), m.alive() ? "running" : "stopped", v < 0 ? "-" : v, m.jsonRpc());
    }
    spec.commandLine().getOut().flush();
    return AstraeaCli.EXIT_OK;
  }
}
