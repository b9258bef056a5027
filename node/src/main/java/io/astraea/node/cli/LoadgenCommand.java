package io.astraea.node.cli;

import io.astraea.node.loadgen.LoadGenerator;
import io.astraea.node.loadgen.LoadPlan;
import io.astraea.node.loadgen.LoadReport;
import io.astraea.node.loadgen.LoadgenException;
import io.astraea.node.loadgen.TestnetManifest;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code astraea loadgen}: funds accounts through the faucet, sends peer-to-peer transfers
 * round-robin over the validators and prints committed transfers/s, submit-to-commit latency
 * percentiles and failures by code. Exit code 1 if any transfer was lost or did not execute.
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true,
    description = "Measure a network: send transfers, report committed transfers/s and latency.")
final class LoadgenCommand implements Callable<Integer> {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--testnet", paramLabel = "FILE", description = "A local testnet's testnet.json.")
    Path testnet;

    @ArgGroup(exclusive = false)
    Explicit explicit;
  }

  static final class Explicit {
    @Option(names = "--url", required = true, paramLabel = "URL", split = ",",
        description = "JSON-RPC URL(s), repeatable or comma-separated.")
    List<URI> urls;

    @Option(names = "--faucet", required = true, paramLabel = "URL", description = "Faucet URL (POST /mint).")
    URI faucet;
  }

  @Option(names = "--accounts", paramLabel = "N", defaultValue = "50", description = "Sending accounts, default ${DEFAULT-VALUE}.")
  int accounts;

  @Option(names = "--transactions", paramLabel = "N", defaultValue = "1000", description = "Transfers to send, default ${DEFAULT-VALUE}.")
  int transactions;

  @Option(names = "--rate", defaultValue = "0", paramLabel = "R",
      description = "Cap on transfers submitted per second (0 = no cap, the default).")
  double rate;

  @Option(names = "--duration", defaultValue = "600", paramLabel = "S",
      description = "Stop submitting after S seconds, default ${DEFAULT-VALUE}.")
  long durationSecs;

  @Option(names = "--window", defaultValue = "" + LoadPlan.DEFAULT_WINDOW, paramLabel = "N",
      description = "Transfers in flight per account, default ${DEFAULT-VALUE}.")
  int window;

  @Option(names = "--commit-timeout", defaultValue = "60", paramLabel = "S",
      description = "Seconds a transfer may take to commit, default ${DEFAULT-VALUE}.")
  long commitTimeoutSecs;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws LoadgenException, InterruptedException {
    List<URI> urls;
    URI faucet;
    if (target.testnet != null) {
      TestnetManifest m = TestnetManifest.read(target.testnet);
      urls = m.jsonRpc();
      faucet = m.faucet();
    } else {
      urls = target.explicit.urls;
      faucet = target.explicit.faucet;
    }
    LoadPlan plan;
    try {
      plan = new LoadPlan(urls, faucet, accounts, transactions, rate, Duration.ofSeconds(durationSecs), window,
          LoadPlan.DEFAULT_SUBMITTERS, Duration.ofSeconds(commitTimeoutSecs));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    LoadReport report = new LoadGenerator(plan, line -> {
      out.println(line);
      out.flush();
    }).run();
    out.print(report.format());
    out.flush();
    return report.committed() == report.submitted() && report.executed() == report.committed()
        ? AstraeaCli.EXIT_OK
        : AstraeaCli.EXIT_FAILURE;
  }
}
