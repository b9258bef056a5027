package io.astraea.node.cli;

import io.astraea.config.node.NodeConfig;
import io.astraea.config.node.NodeConfigException;
import io.astraea.config.node.NodeConfigLoader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A generated testnet directory as the launcher script leaves it: {@code nodeN/node.yaml} per
 * validator, {@code nodeN/pid} while it runs, {@code nodeN/node.log}.
 */
final class TestnetDirectory {
  /** One validator of the testnet. */
  record Member(String name, Path dir, NodeConfig config) {
    URI jsonRpc() {
      return URI.create("http://" + config.apiListen() + "/v1");
    }

    URI metrics() {
      return URI.create("http://" + config.apiListen() + "/metrics");
    }

    Path log() {
      return dir.resolve("node.log");
    }

    OptionalLong pid() {
      try {
        return OptionalLong.of(Long.parseLong(Files.readString(dir.resolve("pid")).trim()));
      } catch (IOException | NumberFormatException e) {
        return OptionalLong.empty();
      }
    }

    boolean alive() {
      OptionalLong p = pid();
      return p.isPresent() && ProcessHandle.of(p.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
    }
  }

  private TestnetDirectory() {}

  /** The validators of the testnet in {@code dir}, ordered by their number. */
  static List<Member> members(Path dir) throws IOException, NodeConfigException {
    List<Member> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> nodes =
          s.filter(p -> p.getFileName().toString().matches("node\\d+") && Files.isRegularFile(p.resolve("node.yaml")))
              .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(4))))
              .toList();
      for (Path p : nodes) {
        out.add(new Member(p.getFileName().toString(), p, NodeConfigLoader.load(p.resolve("node.yaml"), Map.of(), Map.of())));
      }
    }
    if (out.isEmpty()) {
      throw new IOException("no testnet in " + dir + " (no node*/node.yaml); run `scripts/testnet up` first");
    }
    return out;
  }
}
