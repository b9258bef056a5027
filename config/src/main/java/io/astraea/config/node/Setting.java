package io.astraea.config.node;

import java.util.Optional;
import java.util.function.Function;

/**
 * One configuration key: its dotted name (as in the YAML file), the environment variable that
 * overrides it ({@code ASTRAEA_} + the name upper-cased with dots as underscores), a default
 * (absent for required keys) and a parser that also validates.
 */
public record Setting<T>(String key, Optional<String> defaultValue, Function<String, T> parser, String help) {
  public static <T> Setting<T> required(String key, Function<String, T> parser, String help) {
    return new Setting<>(key, Optional.empty(), parser, help);
  }

  public static <T> Setting<T> optional(String key, String defaultValue, Function<String, T> parser, String help) {
    return new Setting<>(key, Optional.of(defaultValue), parser, help);
  }

  public String environmentVariable() {
    return "ASTRAEA_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
  }
}
