package io.astraea.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example in docs/GENESIS.md is a valid description, so the documentation cannot drift. */
class GenesisDocExampleTest {
  @Test
  void documentedExampleParses() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "GENESIS.md"));
    int start = doc.indexOf("```yaml\n");
    int end = doc.indexOf("```", start + 8);
    assertTrue(start >= 0 && end > start, "docs/GENESIS.md has a yaml example");
    GenesisDescription d = GenesisDescription.parse(doc.substring(start + 8, end));
    assertEquals(4, d.chainId());
    assertEquals(4, d.validators().size());
    assertEquals(2, d.associationRoot().threshold());
    assertEquals("[::1]:6183", d.validators().stream()
        .filter(v -> v.name().equals("validator-4")).findFirst().orElseThrow().networkAddress());
    assertEquals(1, d.testnetAccounts().size());
  }
}
