package io.astraea.node.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import io.astraea.config.node.NodeConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogSetupTest {
  private final PrintStream original = System.out;

  @AfterEach
  void restore() throws Exception {
    System.setOut(original);
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ctx.reset();
    new ContextInitializer(ctx).autoConfig();
  }

  private String logOneLine(NodeConfig.LogFormat format) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    LogSetup.configure("node7", format, "info");
    LoggerFactory.getLogger("io.astraea.test").info("committed block {}", 42);
    LoggerFactory.getLogger("io.astraea.test").debug("not at info level");
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void textLinesNameTheNode() {
    String out = logOneLine(NodeConfig.LogFormat.TEXT);
    assertTrue(out.contains("[node7]") && out.contains("committed block 42"), out);
    assertTrue(!out.contains("not at info level"), out);
  }

  @Test
  void jsonLinesAreObjectsThatNameTheNode() {
    String out = logOneLine(NodeConfig.LogFormat.JSON).trim();
    String line =
        out.lines().filter(l -> l.contains("committed block")).findFirst().orElseThrow(() -> new AssertionError(out));
    assertTrue(line.startsWith("{") && line.endsWith("}"), line);
    assertTrue(line.contains("node7"), line);
    assertTrue(line.contains("committed block 42"), line);
  }
}
