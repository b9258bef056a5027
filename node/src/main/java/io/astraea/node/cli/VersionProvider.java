package io.astraea.node.cli;

import picocli.CommandLine;

/**
 * Reports the version Maven stamped into the jar manifest ({@code Implementation-Version}; a
 * build run from loose class files, in tests or an IDE, reports {@code development}), the Java
 * runtime, and the JVM options it was started with (what {@code bin/astraea} chose, or {@code
 * ASTRAEA_JAVA_OPTS}), which matter for a validator's speed (docs/OPERATIONS.md, "JVM settings").
 */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "astraea " + version(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
      "JVM options: " + jvmOptions()
    };
  }

  private static String jvmOptions() {
    try {
      java.util.List<String> args = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
      return args.isEmpty() ? "(none)" : String.join(" ", args);
    } catch (RuntimeException | LinkageError e) {
      return "(not available: " + e + ")"; // a runtime without java.management
    }
  }

  public static String version() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return v != null ? v : "development";
  }
}
