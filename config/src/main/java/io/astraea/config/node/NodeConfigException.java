package io.astraea.config.node;

import java.util.List;
import java.util.stream.Collectors;

/** A node configuration that cannot be used, listing every problem so all are fixed in one pass. */
public final class NodeConfigException extends Exception {
  private final List<String> problems;

  public NodeConfigException(List<String> problems) {
    super(
        problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + " in the node configuration:\n"
            + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
