package io.astraea.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A genesis description that cannot be used, with every problem found, so that an operator fixes
 * the file in one pass instead of one error at a time. Each problem names the field path (e.g.
 * {@code validators[2].network_address}) and what is wrong with it.
 */
public final class GenesisConfigException extends Exception {
  /** One problem: the path of the offending field and a message. */
  public record Problem(String path, String message) {
    @Override
    public String toString() {
      return path.isEmpty() ? message : path + ": " + message;
    }
  }

  private final List<Problem> problems;

  public GenesisConfigException(List<Problem> problems) {
    super(format(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a configuration error needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  private static String format(List<Problem> problems) {
    return problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + " in the genesis description:\n"
        + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
  }

  public List<Problem> problems() {
    return problems;
  }
}
