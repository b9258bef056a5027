package io.astraea.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code astraea} command: operator and client entry point. Exit codes: 0 success, 1 failure
 * (the command ran and could not do its job), 2 usage error (the command line was wrong).
 */
@Command(
    name = "astraea",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Astraea: a permissioned, Libra-style BFT validator node.",
    subcommands = {
      KeygenCommand.class,
      NodeCommand.class,
      TestnetCommand.class,
      AccountCommand.class,
      LoadgenCommand.class,
      CommandLine.HelpCommand.class
    })
public final class AstraeaCli implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** Builds the command line with the project's exit-code and error conventions. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new AstraeaCli());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + messageOf(ex));
          return EXIT_FAILURE;
        });
    return cl;
  }

  private static String messageOf(Throwable t) {
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
