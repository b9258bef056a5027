package io.astraea.node.cli;

import picocli.CommandLine;

/**
 * Reports the version Maven stamped into the jar manifest ({@code Implementation-Version}); a
 * build run from loose class files (tests, IDE) reports {@code development}.
 */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "astraea " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  public static String version() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return v != null ? v : "development";
  }
}
