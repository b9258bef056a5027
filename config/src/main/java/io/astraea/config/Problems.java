package io.astraea.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while reading a description, so that all are reported at once. */
final class Problems {
  private final List<GenesisConfigException.Problem> list = new ArrayList<>();

  void add(String path, String message) {
    list.add(new GenesisConfigException.Problem(path, message));
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  int size() {
    return list.size();
  }

  /** The same text a {@link GenesisConfigException} carries. */
  String describe() {
    return new GenesisConfigException(list).getMessage();
  }

  void throwIfAny() throws GenesisConfigException {
    if (!list.isEmpty()) {
      throw new GenesisConfigException(list);
    }
  }
}
