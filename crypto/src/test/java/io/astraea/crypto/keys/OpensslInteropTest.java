package io.astraea.crypto.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519PublicKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trips through a live {@code openssl} binary, both directions. Runs only where openssl is
 * installed; {@link KeyFilesTest} pins the same formats with OpenSSL-made fixtures everywhere.
 */
class OpensslInteropTest {
  private static boolean available;

  @TempDir Path dir;

  @BeforeAll
  static void probe() {
    try {
      available = run(Path.of("."), "openssl", "version").startsWith("OpenSSL 3");
    } catch (IOException | InterruptedException e) {
      available = false;
    }
  }

  private static String run(Path cwd, String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + List.of(command));
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException(List.of(command) + " exited " + p.exitValue() + ": " + text);
    }
    return text;
  }

  private String openssl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add("openssl");
    cmd.addAll(List.of(args));
    return run(dir, cmd.toArray(new String[0]));
  }

  @Test
  void weReadWhatOpensslGenerates() throws Exception {
    assumeTrue(available, "openssl 3 not installed");
    openssl("genpkey", "-algorithm", "ed25519", "-out", "gen.pem");
    openssl("pkey", "-in", "gen.pem", "-pubout", "-out", "gen.pub.pem");
    Files.write(dir.resolve("msg.bin"), "DIEM::RawTransaction".getBytes(StandardCharsets.US_ASCII));
    openssl("pkeyutl", "-sign", "-inkey", "gen.pem", "-rawin", "-in", "msg.bin", "-out", "sig.bin");

    // openssl creates private keys owner-only, so our permission check accepts its files.
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("gen.pem"))));
    Ed25519PrivateKey key = KeyFiles.readPrivateKey(dir.resolve("gen.pem"));
    Ed25519PublicKey pub = KeyFiles.readPublicKey(dir.resolve("gen.pub.pem"));
    assertEquals(pub, key.publicKey());
    assertEquals(Files.readString(dir.resolve("gen.pem")), KeyPem.encodePrivateKey(key));
    assertEquals(Files.readString(dir.resolve("gen.pub.pem")), KeyPem.encodePublicKey(pub));
    byte[] sig = Files.readAllBytes(dir.resolve("sig.bin"));
    assertEquals(java.util.HexFormat.of().formatHex(sig),
        key.sign(Files.readAllBytes(dir.resolve("msg.bin"))).toHex());
  }

  @Test
  void opensslReadsWhatWeWrite() throws Exception {
    assumeTrue(available, "openssl 3 not installed");
    Ed25519PrivateKey key = Ed25519PrivateKey.generate();
    KeyFiles.writePrivateKey(dir.resolve("ours.pem"), key);
    KeyFiles.writePublicKey(dir.resolve("ours.pub.pem"), key.publicKey());

    String derived = openssl("pkey", "-in", "ours.pem", "-pubout");
    assertEquals(KeyPem.encodePublicKey(key.publicKey()), derived);
    assertEquals(KeyPem.encodePublicKey(key.publicKey()), openssl("pkey", "-pubin", "-in", "ours.pub.pem"));

    byte[] msg = "DIEM::LedgerInfo".getBytes(StandardCharsets.US_ASCII);
    Files.write(dir.resolve("msg.bin"), msg);
    Files.write(dir.resolve("sig.bin"), key.sign(msg).toBytes());
    String verified = openssl("pkeyutl", "-verify", "-pubin", "-inkey", "ours.pub.pem", "-rawin",
        "-in", "msg.bin", "-sigfile", "sig.bin");
    assertEquals("Signature Verified Successfully", verified.trim());
  }
}
