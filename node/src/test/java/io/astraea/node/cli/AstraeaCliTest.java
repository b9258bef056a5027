package io.astraea.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.keys.KeyFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AstraeaCliTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = AstraeaCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void keygenWritesAnOwnerOnlyKeyAndPrintsItsIdentity() throws Exception {
    Path key = dir.resolve("v.key");
    assertEquals(0, run("keygen", "--out", key.toString()));

    assertEquals(
        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(key));
    Ed25519PrivateKey priv = KeyFiles.readPrivateKey(key);
    Ed25519PublicKey pub = KeyFiles.readPublicKey(dir.resolve("v.key.pub"));
    assertEquals(priv.publicKey(), pub);

    AuthenticationKey auth = AuthenticationKey.ed25519(pub);
    String printed = out.toString();
    assertTrue(printed.contains(pub.toHex()), printed);
    assertTrue(printed.contains(auth.toHex()), printed);
    assertTrue(printed.contains(auth.derivedAddress().toHex()), printed);
  }

  @Test
  void keygenJsonNamesTheSameIdentity() throws Exception {
    Path key = dir.resolve("j.key");
    assertEquals(0, run("keygen", "--json", "--out", key.toString()));
    Ed25519PublicKey pub = KeyFiles.readPrivateKey(key).publicKey();
    String printed = out.toString().trim();
    assertTrue(printed.startsWith("{") && printed.endsWith("}"), printed);
    assertTrue(
        printed.contains(
            "\"address\":\"" + AuthenticationKey.ed25519(pub).derivedAddress().toHex() + "\""),
        printed);
  }

  @Test
  void keygenRefusesToOverwriteAKeyWithoutForce() throws Exception {
    Path key = dir.resolve("v.key");
    assertEquals(0, run("keygen", "--out", key.toString()));
    String before = Files.readString(key);

    assertEquals(1, run("keygen", "--out", key.toString()));
    assertTrue(err.toString().contains("already exists"), err.toString());
    assertEquals(before, Files.readString(key));

    assertEquals(0, run("keygen", "--force", "--out", key.toString()));
    assertTrue(!before.equals(Files.readString(key)));
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, run("keygen"));
    assertEquals(2, run("no-such-command"));
    assertEquals(2, run());
  }

  @Test
  void versionAndHelpExitWithZero() {
    assertEquals(0, run("--version"));
    assertTrue(out.toString().startsWith("astraea "), out.toString());
    assertEquals(0, run("--help"));
  }
}
