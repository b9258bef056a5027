package io.astraea.node.net.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TlsCiphersTest {
  @Test
  void bothOrdersOfferTheSameSuites() {
    assertEquals(
        new HashSet<>(TlsCiphers.preferring(true)), new HashSet<>(TlsCiphers.preferring(false)));
    assertEquals(TlsCiphers.AES_128_GCM, TlsCiphers.preferring(true).get(0));
    assertEquals(TlsCiphers.CHACHA20_POLY1305, TlsCiphers.preferring(false).get(0));
  }

  /** The JIT is read from the running JVM: child JVMs started with the options under test. */
  @Test
  void aJvmWithOnlyTheQuickCompilerPrefersChaCha20() throws Exception {
    assertEquals(TlsCiphers.CHACHA20_POLY1305, firstSuiteInChildJvm("-XX:TieredStopAtLevel=1"));
    assertEquals(TlsCiphers.AES_128_GCM, firstSuiteInChildJvm("-XX:TieredStopAtLevel=4"));
    assertEquals(TlsCiphers.AES_128_GCM, firstSuiteInChildJvm("-XX:-TieredCompilation"));
  }

  private static String firstSuiteInChildJvm(String option)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(option);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Probe.class.getName());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("probe failed: " + out);
    }
    return out;
  }

  /** Prints the first suite {@link TlsCiphers#forThisJvm} picks in this JVM. */
  public static final class Probe {
    public static void main(String[] args) {
      System.out.println(TlsCiphers.forThisJvm().get(0));
    }
  }
}
