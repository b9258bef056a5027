package io.astraea.bench;

/**
 * The JVM options docs/OPERATIONS.md recommends for a validator, for the forks of benchmarks that
 * hold a validator's state: transparent huge pages for the heap. A block reads thousands of tree
 * nodes scattered over the heap; with 4 KiB pages many of those reads also miss the processor's
 * address translation cache. At a million accounts huge pages take about a quarter off the tree
 * update (docs/PERFORMANCE.md, tenth round). The JVM ignores the option, with a warning, where the
 * kernel offers no transparent huge pages; {@link #IGNORE_UNRECOGNIZED} keeps a JVM that does not
 * know it at all from refusing to start. To measure without, run a benchmark with {@code
 * -jvmArgsAppend -XX:-UseTransparentHugePages}: the option replaces the annotation's whole list,
 * so a benchmark's own heap setting has to be given again ({@code "-Xmx6g
 * -XX:-UseTransparentHugePages"} for the tree update).
 */
public final class ValidatorJvm {
  public static final String IGNORE_UNRECOGNIZED = "-XX:+IgnoreUnrecognizedVMOptions";
  public static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

  private ValidatorJvm() {}
}
