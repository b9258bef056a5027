package io.astraea.node.net.tls;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The TLS 1.3 cipher suites a node offers on its peer links, the one this JVM computes fastest
 * first. Peer links carry every transaction several times (forwarded to each peer, then again in
 * proposals), so the record cipher is a large share of a busy validator's network threads.
 *
 * <p>Which is fastest depends on the JIT: the optimizing compiler (C2) turns AES-GCM into the
 * processor's AES and carry-less multiply instructions, about 3.3 GB/s on the reference machine
 * against 0.25 GB/s for ChaCha20-Poly1305; a JVM limited to the quick compiler (as a local
 * testnet's validators are, see scripts/testnet) runs both in plain Java, where ChaCha20-Poly1305
 * does 146 MB/s and AES-GCM 31 MB/s. Every node offers all three suites, so nodes started with
 * different JVM options still agree on one; the server's order decides which.
 */
public final class TlsCiphers {
  public static final String AES_128_GCM = "TLS_AES_128_GCM_SHA256";
  public static final String AES_256_GCM = "TLS_AES_256_GCM_SHA384";
  public static final String CHACHA20_POLY1305 = "TLS_CHACHA20_POLY1305_SHA256";

  private TlsCiphers() {}

  /** The suites in this JVM's order of preference. */
  public static List<String> forThisJvm() {
    return preferring(hasOptimizingCompiler());
  }

  /** The suites, AES-GCM first when the optimizing compiler is there to make it fast. */
  static List<String> preferring(boolean optimizingCompiler) {
    return optimizingCompiler
        ? List.of(AES_128_GCM, AES_256_GCM, CHACHA20_POLY1305)
        : List.of(CHACHA20_POLY1305, AES_128_GCM, AES_256_GCM);
  }

  /**
   * Whether this JVM compiles hot code with C2: tiered compilation up to level 4, or C2 alone.
   * Assumed so when the JVM does not say (not HotSpot, or a runtime image without the {@code
   * jdk.management} module), as on every JVM with default options.
   */
  static boolean hasOptimizingCompiler() {
    try {
      HotSpotDiagnosticMXBean hotspot =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (hotspot == null
          || !Boolean.parseBoolean(hotspot.getVMOption("TieredCompilation").getValue())) {
        return true;
      }
      return Integer.parseInt(hotspot.getVMOption("TieredStopAtLevel").getValue()) >= 4;
    } catch (RuntimeException | LinkageError e) {
      return true;
    }
  }
}
