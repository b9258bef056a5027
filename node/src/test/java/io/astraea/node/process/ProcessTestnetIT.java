package io.astraea.node.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astraea.node.client.JsonRpcClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator contract as CI sees it, with real processes: {@code scripts/testnet up} with four
 * validators, payments through {@code bin/astraea account}, SIGKILL and restart of one validator,
 * every validator at the same accumulator root, and {@code scripts/testnet down} leaving no
 * validator process behind. Runs after {@code package} (it needs {@code node/target/astraea-node.jar})
 * and never rebuilds: {@code ASTRAEA_SKIP_BUILD=1}.
 */
class ProcessTestnetIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern ACCOUNT = Pattern.compile("account:\\s+([0-9a-fA-F]{32})");
  private static final Pattern EXECUTED = Pattern.compile("executed at version (\\d+)");

  @TempDir Path dir;
  private final Path root = repositoryRoot();
  private final List<Long> pidsSeen = new ArrayList<>();
  private boolean up;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void theCliRunsClientCommandsWithTheQuickCompilerUnlessTold() throws Exception {
    Result version = run(Duration.ofSeconds(60), "bin/astraea", "--version");
    assertEquals(0, version.exit(), version.output());
    assertTrue(version.output().contains("JVM options: -XX:TieredStopAtLevel=1"), version.output());
    extraEnvironment.put("ASTRAEA_JAVA_OPTS", "-Xmx300m");
    Result replaced = run(Duration.ofSeconds(60), "bin/astraea", "--version");
    assertTrue(replaced.output().contains("JVM options: -Xmx300m"), replaced.output());
    assertFalse(replaced.output().contains("TieredStopAtLevel"), replaced.output());
  }

  @Test
  @Timeout(value = 280, unit = TimeUnit.SECONDS)
  void fourValidatorsCommitSurviveAKillConvergeAndStopCleanly() throws Exception {
    int basePort = freeBasePort();
    Path net = dir.resolve("net");
    up = true;
    Result started = run(Duration.ofSeconds(170), "scripts/testnet", "up", "--validators", "4", "--dir", net.toString(),
        "--base-port", Integer.toString(basePort));
    assertEquals(0, started.exit(), started.output());
    assertFalse(started.output().contains("building astraea"), "the test must not trigger a build");

    JsonNode manifest = manifest(net);
    assertEquals(4, manifest.path("validators").size());
    List<URI> rpc = new ArrayList<>();
    for (JsonNode v : manifest.path("validators")) {
      rpc.add(URI.create(v.path("json_rpc").asText()));
      pidsSeen.add(v.path("pid").asLong());
      assertTrue(ProcessHandle.of(v.path("pid").asLong()).map(ProcessHandle::isAlive).orElse(false),
          v.path("name").asText() + " is running");
      // scripts/testnet's defaults for validators sharing a machine (docs/OPERATIONS.md)
      Optional<String[]> args = ProcessHandle.of(v.path("pid").asLong()).flatMap(h -> h.info().arguments());
      if (args.isPresent()) { // not every platform reports another process's arguments
        List<String> jvm = List.of(args.get());
        assertTrue(jvm.contains("-XX:TieredStopAtLevel=1") && jvm.contains("-Xmx512m"),
            v.path("name").asText() + " started with " + jvm);
      }
    }
    String faucet = manifest.path("faucet").asText();

    String alice = createAccount(rpc.get(0), faucet, net.resolve("alice.key"));
    String bob = createAccount(rpc.get(1), faucet, net.resolve("bob.key"));
    assertNotEquals(alice, bob);
    transfer(rpc.get(2), net.resolve("alice.key"), bob, 2500);

    Result killed = run(Duration.ofSeconds(30), "scripts/testnet", "kill", "node3", "--dir", net.toString());
    assertEquals(0, killed.exit(), killed.output());
    long node3Pid = pidsSeen.get(3);
    awaitGone(node3Pid, Duration.ofSeconds(20));
    long versionWhileDown = transfer(rpc.get(0), net.resolve("bob.key"), alice, 700);

    Result restarted = run(Duration.ofSeconds(60), "scripts/testnet", "start", "node3", "--dir", net.toString());
    assertEquals(0, restarted.exit(), restarted.output());
    JsonNode after = manifest(net);
    long newNode3Pid = after.path("validators").get(3).path("pid").asLong();
    assertNotEquals(node3Pid, newNode3Pid, "node3 runs as a new process");
    pidsSeen.add(newNode3Pid);

    // Converge: every validator, node3 included, reaches the version of the payment made while
    // node3 was down and they all hold the same accumulator root there.
    Map<String, String> roots = awaitSameRoot(rpc, versionWhileDown, Duration.ofSeconds(90));
    assertEquals(4, roots.size(), roots.toString());
    assertEquals(1, new TreeSet<>(roots.values()).size(), "one accumulator root at version " + versionWhileDown + ": " + roots);

    Result down = run(Duration.ofSeconds(60), "scripts/testnet", "down", "--dir", net.toString());
    up = false;
    assertEquals(0, down.exit(), down.output());
    List<Long> finalPids = new ArrayList<>();
    manifest(net).path("validators").forEach(v -> finalPids.add(v.path("pid").asLong()));
    for (long pid : finalPids) {
      awaitGone(pid, Duration.ofSeconds(5));
    }
    for (long pid : pidsSeen) {
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " is gone");
    }
  }

  /** Stops the testnet whatever happened, then makes sure no validator started here survives. */
  @AfterEach
  void tearDown() throws Exception {
    Path net = dir.resolve("net");
    if (up) {
      try {
        run(Duration.ofSeconds(60), "scripts/testnet", "down", "--dir", net.toString());
      } catch (IOException | AssertionError e) {
        // Fall through to the per-process cleanup below.
      }
    }
    if (Files.exists(net.resolve("testnet.json"))) {
      manifest(net).path("validators").forEach(v -> pidsSeen.add(v.path("pid").asLong()));
    }
    for (long pid : pidsSeen) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private String createAccount(URI rpc, String faucet, Path key) throws Exception {
    Result r = run(Duration.ofSeconds(90), "bin/astraea", "account", "create", "--url", rpc.toString(), "--faucet",
        faucet, "--key", key.toString(), "--amount", "5000000", "--timeout", "60");
    assertEquals(0, r.exit(), r.output());
    Matcher m = ACCOUNT.matcher(r.output());
    assertTrue(m.find(), r.output());
    return m.group(1);
  }

  /** Pays with {@code --wait}; returns the version it executed at. */
  private long transfer(URI rpc, Path key, String to, long amount) throws Exception {
    Result r = run(Duration.ofSeconds(90), "bin/astraea", "account", "transfer", "--url", rpc.toString(), "--key",
        key.toString(), "--to", to, "--amount", Long.toString(amount), "--wait", "--timeout", "60");
    assertEquals(0, r.exit(), r.output());
    Matcher m = EXECUTED.matcher(r.output());
    assertTrue(m.find(), r.output());
    return Long.parseLong(m.group(1));
  }

  private static Map<String, String> awaitSameRoot(List<URI> rpc, long version, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, String> roots = new TreeMap<>();
    Map<String, String> lastError = new HashMap<>();
    while (System.nanoTime() - deadline < 0) {
      roots.clear();
      for (URI u : rpc) {
        JsonRpcClient c = new JsonRpcClient(u, Duration.ofSeconds(5));
        try {
          if (c.call("get_metadata").path("version").asLong() >= version) {
            roots.put(u.toString(), c.call("get_metadata", version).path("accumulator_root_hash").asText());
          }
        } catch (IOException e) {
          lastError.put(u.toString(), e.getMessage());
        }
      }
      if (roots.size() == rpc.size()) {
        return roots;
      }
      Thread.sleep(500);
    }
    fail("not every validator reached version " + version + " within " + timeout.toSeconds() + " s: " + roots
        + " errors " + lastError);
    return roots;
  }

  private static void awaitGone(long pid, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      if (System.nanoTime() - deadline > 0) {
        fail("process " + pid + " is still running");
      }
      Thread.sleep(100);
    }
  }

  private static JsonNode manifest(Path net) throws IOException {
    return MAPPER.readTree(net.resolve("testnet.json").toFile());
  }

  private record Result(int exit, String output) {}

  /** Variables {@link #run} adds to the commands' environment. */
  private final java.util.Map<String, String> extraEnvironment = new java.util.HashMap<>();

  private Result run(Duration timeout, String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(command));
    cmd.set(0, root.resolve(command[0]).toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true);
    Path log = Files.createTempFile(dir, "cmd", ".log");
    pb.redirectOutput(log.toFile());
    pb.environment().put("ASTRAEA_SKIP_BUILD", "1");
    pb.environment().remove("ASTRAEA_JAVA_OPTS"); // the launchers' own defaults are under test
    pb.environment().putAll(extraEnvironment);
    Process p = pb.start();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s:\n"
          + Files.readString(log, StandardCharsets.UTF_8));
    }
    return new Result(p.exitValue(), String.join(" ", command) + "\n" + Files.readString(log, StandardCharsets.UTF_8));
  }

  private static Path repositoryRoot() {
    Path base = Path.of(Optional.ofNullable(System.getProperty("basedir")).orElse("")).toAbsolutePath();
    for (Path p = base; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("scripts/testnet")) && Files.isRegularFile(p.resolve("bin/astraea"))) {
        return p;
      }
    }
    throw new IllegalStateException("no scripts/testnet above " + base);
  }

  /** A base port whose 4 peer ports and 4 API ports are all free, away from the default 16180. */
  private static int freeBasePort() throws IOException {
    for (int base = 36180; base < 36180 + 40 * 20; base += 20) {
      if (free(base, 4) && free(base + 100, 4)) {
        return base;
      }
    }
    throw new IOException("no free port block found from 36180");
  }

  private static boolean free(int from, int count) {
    for (int port = from; port < from + count; port++) {
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        s.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
