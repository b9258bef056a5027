package io.astraea.node.cli;

import io.astraea.config.node.NodeConfig;
import io.astraea.config.node.NodeConfigException;
import io.astraea.config.node.NodeConfigLoader;
import io.astraea.node.daemon.LogSetup;
import io.astraea.node.daemon.ValidatorNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code astraea node run --config node.yaml [--set key=value]...}: runs a validator until
 * SIGTERM or SIGINT, then stops it in order (API, consensus, peers, storage).
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a validator until SIGTERM.")
final class NodeRunCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "The node configuration (YAML).")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one setting (beats environment and file), e.g. --set log.format=json.")
  Map<String, String> overrides = new LinkedHashMap<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    NodeConfig c;
    try {
      c = NodeConfigLoader.load(config, System.getenv(), overrides);
    } catch (NodeConfigException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return AstraeaCli.EXIT_FAILURE;
    }
    LogSetup.configure(c.nodeName(), c.logFormat(), c.logLevel());
    Logger log = LoggerFactory.getLogger(NodeRunCommand.class);
    log.info("astraea {} starting with:", VersionProvider.version());
    NodeConfigLoader.describe(c).forEach(line -> log.info("  {}", line));

    ValidatorNode node;
    try {
      node = ValidatorNode.start(c);
    } catch (Exception e) {
      log.error("cannot start: {}", e.getMessage());
      spec.commandLine().getErr().println("error: cannot start the node: " + e.getMessage());
      return AstraeaCli.EXIT_FAILURE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("shutting down");
                  node.close();
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
    return AstraeaCli.EXIT_OK;
  }
}
