package io.astraea.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Strict, typed reading of one YAML mapping: unknown fields, missing required fields and values of
 * the wrong type or range are recorded as problems (with their path) instead of thrown, and the
 * reader carries on so that the next problems are found too.
 */
final class YamlFields {
  private final JsonNode node;
  private final String path;
  private final Problems problems;

  private YamlFields(JsonNode node, String path, Problems problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  /** Reads {@code node} as a mapping allowing only {@code allowed} field names. */
  static YamlFields of(JsonNode node, String path, Problems problems, Set<String> allowed) {
    if (node == null || !node.isObject()) {
      problems.add(path, "must be a mapping of fields");
      return new YamlFields(JsonNodeFactory.instance.objectNode(), path, problems);
    }
    Iterator<String> names = node.fieldNames();
    List<String> unknown = new ArrayList<>();
    while (names.hasNext()) {
      String n = names.next();
      if (!allowed.contains(n)) {
        unknown.add(n);
      }
    }
    for (String n : unknown) {
      problems.add(child(path, n), "unknown field (allowed: " + String.join(", ", sorted(allowed)) + ")");
    }
    return new YamlFields(node, path, problems);
  }

  private static List<String> sorted(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    l.sort(null);
    return l;
  }

  static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  String pathOf(String name) {
    return child(path, name);
  }

  boolean has(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  private JsonNode get(String name, boolean required) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      if (required) {
        problems.add(pathOf(name), "is required");
      }
      return null;
    }
    return v;
  }

  /** An integer in {@code [min, max]}, or {@code null} (problem recorded) if absent or invalid. */
  Long integer(String name, boolean required, long min, long max) {
    JsonNode v = get(name, required);
    if (v == null) {
      return null;
    }
    if (!v.isIntegralNumber()) {
      problems.add(pathOf(name), "must be an integer, got " + describe(v));
      return null;
    }
    BigInteger b = v.bigIntegerValue();
    if (b.compareTo(BigInteger.valueOf(min)) < 0 || b.compareTo(BigInteger.valueOf(max)) > 0) {
      problems.add(pathOf(name), "must be between " + min + " and " + max + ", got " + b);
      return null;
    }
    return b.longValue();
  }

  /** A non-empty string, or {@code null} (problem recorded). */
  String string(String name, boolean required) {
    JsonNode v = get(name, required);
    if (v == null) {
      return null;
    }
    if (v.isNumber()) {
      // YAML reads unquoted hex (0xA550C18) and digit strings as numbers, losing the text.
      problems.add(
          pathOf(name),
          "must be a quoted string: YAML read the unquoted value as the number " + v + "; write it in quotes");
      return null;
    }
    if (!v.isTextual()) {
      problems.add(pathOf(name), "must be a string, got " + describe(v));
      return null;
    }
    if (v.textValue().isEmpty()) {
      problems.add(pathOf(name), "must not be empty");
      return null;
    }
    return v.textValue();
  }

  /** A sequence; absent optional sequences read as empty. {@code null} if invalid. */
  List<JsonNode> list(String name, boolean required) {
    JsonNode v = get(name, required);
    if (v == null) {
      return required ? null : List.of();
    }
    if (!v.isArray()) {
      problems.add(pathOf(name), "must be a list, got " + describe(v));
      return null;
    }
    List<JsonNode> out = new ArrayList<>();
    v.elements().forEachRemaining(out::add);
    return out;
  }

  /** A nested mapping, or {@code null} (problem recorded) if absent and required. */
  JsonNode mapping(String name, boolean required) {
    return get(name, required);
  }

  private static String describe(JsonNode v) {
    if (v.isTextual()) {
      return "the string '" + v.textValue() + "'";
    }
    if (v.isArray()) {
      return "a list";
    }
    if (v.isObject()) {
      return "a mapping";
    }
    return v.toString();
  }
}
