package io.astraea.node.cli;

import io.astraea.config.node.NodeConfigException;
import io.astraea.node.client.JsonRpcClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code astraea testnet wait}: returns once every validator has committed a block (ledger
 * version above genesis), or fails when a process died or the timeout passed.
 */
@Command(name = "wait", mixinStandardHelpOptions = true, description = "Wait until every validator commits.")
final class TestnetWaitCommand implements Callable<Integer> {
  @Option(names = "--dir", required = true)
  Path dir;

  @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait (default ${DEFAULT-VALUE}).")
  long timeoutSecs;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, NodeConfigException, InterruptedException {
    List<TestnetDirectory.Member> members = TestnetDirectory.members(dir);
    long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSecs).toNanos();
    boolean[] done = new boolean[members.size()];
    int remaining = members.size();
    while (remaining > 0) {
      for (int i = 0; i < members.size(); i++) {
        if (done[i]) {
          continue;
        }
        TestnetDirectory.Member m = members.get(i);
        if (!m.alive()) {
          spec.commandLine().getErr().printf("%s is not running; last lines of %s:%n%s%n", m.name(), m.log(), tail(m.log()));
          return AstraeaCli.EXIT_FAILURE;
        }
        long v = version(m);
        if (v > 0) {
          done[i] = true;
          remaining--;
          spec.commandLine().getOut().printf("%s committed (ledger version %d)%n", m.name(), v);
        }
      }
      if (remaining == 0) {
        break;
      }
      if (System.nanoTime() > deadline) {
        spec.commandLine().getErr().printf("%d validator(s) did not commit within %d s%n", remaining, timeoutSecs);
        return AstraeaCli.EXIT_FAILURE;
      }
      Thread.sleep(250);
    }
    spec.commandLine().getOut().flush();
    return AstraeaCli.EXIT_OK;
  }

  /** The node's ledger version, or -1 while it does not answer. */
  static long version(TestnetDirectory.Member m) throws InterruptedException {
    try {
      return new JsonRpcClient(m.jsonRpc(), Duration.ofSeconds(2)).call("get_metadata").path("version").asLong(-1);
    } catch (IOException e) {
      return -1;
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
