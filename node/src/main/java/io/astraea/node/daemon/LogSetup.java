package io.astraea.node.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.astraea.config.node.NodeConfig;
import org.slf4j.LoggerFactory;

/**
 * Replaces the CLI's quiet logging with the daemon's: every line names the node, to stdout, as
 * text or as one JSON object per line ({@code log.format: json}) for log shippers.
 */
public final class LogSetup {
  private LogSetup() {}

  public static void configure(String nodeName, NodeConfig.LogFormat format, String level) {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ctx.reset();
    ctx.putProperty("node", nodeName);

    Encoder<ILoggingEvent> encoder;
    if (format == NodeConfig.LogFormat.JSON) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(ctx);
      json.setWithFormattedMessage(true);
      json.start();
      encoder = json;
    } else {
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setContext(ctx);
      text.setPattern(
          "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [" + nodeName.replace("%", "%%") + "] [%thread] %logger{24} - %msg%n");
      text.start();
      encoder = text;
    }
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(ctx);
    appender.setName("stdout");
    appender.setEncoder(encoder);
    appender.start();

    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level, Level.INFO));
    root.addAppender(appender);
    // Netty and RocksDB JNI are chatty at DEBUG; keep them at WARN unless asked explicitly.
    ctx.getLogger("io.netty").setLevel(Level.WARN);
  }
}
