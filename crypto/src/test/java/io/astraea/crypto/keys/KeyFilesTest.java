package io.astraea.crypto.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519PublicKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files: PEM forms fixed by OpenSSL-made fixtures, mode 0600, refusal of loose modes. */
class KeyFilesTest {
  private static final byte[] TEST1_SEED =
      HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

  @TempDir Path dir;

  @BeforeEach
  void posixOnly() {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
  }

  static String resource(String name) throws IOException {
    try (InputStream in = KeyFilesTest.class.getResourceAsStream("/keys/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  static Properties opensslFixture() throws IOException {
    Properties p = new Properties();
    p.load(new java.io.StringReader(resource("openssl-genpkey.properties")));
    return p;
  }

  @Test
  void writesTheSameTextOpensslWritesForTheSameKey() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(TEST1_SEED);
    assertEquals(resource("rfc8032-test1.pem"), KeyPem.encodePrivateKey(key));
    assertEquals(resource("rfc8032-test1.pub.pem"), KeyPem.encodePublicKey(key.publicKey()));
  }

  @Test
  void readsAKeyOpensslGenerated() throws Exception {
    Properties f = opensslFixture();
    Ed25519PrivateKey key = KeyPem.decodePrivateKey(resource("openssl-genpkey.pem"));
    Ed25519PublicKey pub = KeyPem.decodePublicKey(resource("openssl-genpkey.pub.pem"));
    assertEquals(f.getProperty("public.key"), key.publicKey().toHex());
    assertEquals(pub, key.publicKey());
    byte[] message = f.getProperty("message").getBytes(StandardCharsets.US_ASCII);
    assertEquals(f.getProperty("signature"), key.sign(message).toHex(), "same signature as openssl pkeyutl");
    assertEquals(resource("openssl-genpkey.pem"), KeyPem.encodePrivateKey(key));
  }

  @Test
  void privateKeyFileIsCreatedWithMode0600AndReadsBack() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate();
    Path file = dir.resolve("node.key");
    KeyFiles.writePrivateKey(file, key);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----\n"));
    assertEquals(key, KeyFiles.readPrivateKey(file));

    Path pubFile = dir.resolve("node.pub");
    KeyFiles.writePublicKey(pubFile, key.publicKey());
    assertTrue(Files.readString(pubFile).startsWith("-----BEGIN PUBLIC KEY-----\n"));
    assertEquals(key.publicKey(), KeyFiles.readPublicKey(pubFile));
  }

  @Test
  void keyFilesAreNeverOverwritten() throws Exception {
    Path file = dir.resolve("node.key");
    Ed25519PrivateKey first = Ed25519PrivateKey.generate();
    KeyFiles.writePrivateKey(file, first);
    KeyFileException e =
        assertThrows(KeyFileException.class, () -> KeyFiles.writePrivateKey(file, Ed25519PrivateKey.generate()));
    assertEquals(KeyFileException.Kind.ALREADY_EXISTS, e.kind());
    assertEquals(first, KeyFiles.readPrivateKey(file));
    assertEquals(KeyFileException.Kind.ALREADY_EXISTS,
        assertThrows(KeyFileException.class, () -> KeyFiles.writePublicKey(file, first.publicKey())).kind());
  }

  @Test
  void privateKeyReadableByGroupOrOthersIsRefusedWithTheFix() throws Exception {
    Path file = dir.resolve("loose.key");
    KeyFiles.writePrivateKey(file, Ed25519PrivateKey.generate());
    for (String mode : new String[] {"rw-r-----", "rw----r--", "rw-rw-rw-", "rw-----w-"}) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
      KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFiles.readPrivateKey(file), mode);
      assertEquals(KeyFileException.Kind.INSECURE_PERMISSIONS, e.kind());
      assertTrue(e.getMessage().contains("chmod 600 " + file), e.getMessage());
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertTrue(assertThrows(KeyFileException.class, () -> KeyFiles.readPrivateKey(file))
        .getMessage().contains("mode 0644"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
    KeyFiles.readPrivateKey(file);
  }

  @Test
  void missingFilesAreNotFound() {
    assertEquals(KeyFileException.Kind.NOT_FOUND,
        assertThrows(KeyFileException.class, () -> KeyFiles.readPrivateKey(dir.resolve("none"))).kind());
    assertEquals(KeyFileException.Kind.NOT_FOUND,
        assertThrows(KeyFileException.class, () -> KeyFiles.readPublicKey(dir.resolve("none"))).kind());
    assertEquals(KeyFileException.Kind.IO,
        assertThrows(KeyFileException.class,
            () -> KeyFiles.writePrivateKey(dir.resolve("no/such/dir/k"), Ed25519PrivateKey.generate())).kind());
  }

  @Test
  void malformedContentIsATypedError() throws Exception {
    String pub = resource("rfc8032-test1.pub.pem");
    String priv = resource("rfc8032-test1.pem");
    String[] badPrivate = {
      "",
      "not pem at all",
      pub, // a public key where a private key is expected
      "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMAA=\n-----END ENCRYPTED PRIVATE KEY-----\n",
      "-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n",
      pem("PRIVATE KEY", "302e020100300506032b657004220420" + "00".repeat(31)), // truncated
      pem("PRIVATE KEY", "302e020100300506032b657104220420" + "00".repeat(32)), // Ed448 OID
      pem("PRIVATE KEY", "302d020100300506032b657004210420" + "00".repeat(31)), // 31-byte seed
      pem("PRIVATE KEY", "302e020100300506032b657004220420" + "00".repeat(32) + "00"), // trailing
      pem("PRIVATE KEY", "3081" + "2e" + "020100300506032b657004220420" + "00".repeat(32)), // not DER
      pem("PRIVATE KEY", "3030020100300706032b65700500" + "04220420" + "00".repeat(32)), // params
    };
    for (String text : badPrivate) {
      KeyFileException e = assertThrows(KeyFileException.class, () -> KeyPem.decodePrivateKey(text), text);
      assertEquals(KeyFileException.Kind.MALFORMED, e.kind());
    }
    assertTrue(assertThrows(KeyFileException.class, () -> KeyPem.decodePrivateKey(badPrivate[3]))
        .getMessage().contains("openssl pkey"));
    String[] badPublic = {
      priv,
      pem("PUBLIC KEY", "302a300506032b6570032100" + "00".repeat(31) + "01"), // off-curve/small y
      pem("PUBLIC KEY", "302a300506032b6570032100" + "01" + "00".repeat(31)), // identity: small order
      pem("PUBLIC KEY", "3029300506032b6570032000" + "00".repeat(31)), // 31 bytes
      pem("PUBLIC KEY", "302a300506032b6571032100" + "d7".repeat(32)), // Ed448 OID
    };
    for (String text : badPublic) {
      KeyFileException e = assertThrows(KeyFileException.class, () -> KeyPem.decodePublicKey(text), text);
      assertEquals(KeyFileException.Kind.MALFORMED, e.kind());
    }
    Path file = dir.resolve("bad.key");
    Files.writeString(file, "garbage");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertEquals(KeyFileException.Kind.MALFORMED,
        assertThrows(KeyFileException.class, () -> KeyFiles.readPrivateKey(file)).kind());
    Path huge = dir.resolve("huge.pub");
    Files.write(huge, new byte[KeyFiles.MAX_FILE_SIZE + 1]);
    assertEquals(KeyFileException.Kind.MALFORMED,
        assertThrows(KeyFileException.class, () -> KeyFiles.readPublicKey(huge)).kind());
  }

  @Test
  void pkcs8V2WithMatchingPublicKeyIsAcceptedAndMismatchRefused() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(TEST1_SEED);
    String seed = HexFormat.of().formatHex(TEST1_SEED);
    String good = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    // OneAsymmetricKey: version 1, [1] IMPLICIT BIT STRING public key.
    String v2 = "3051020101300506032b657004220420" + seed + "812100" + good;
    assertEquals(key, KeyPem.decodePrivateKey(pem("PRIVATE KEY", v2)));
    String wrong = "3051020101300506032b657004220420" + seed + "812100" + "3d".repeat(32);
    assertThrows(KeyFileException.class, () -> KeyPem.decodePrivateKey(pem("PRIVATE KEY", wrong)));
  }

  private static String pem(String type, String derHex) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(HexFormat.of().parseHex(derHex))
        + "\n-----END " + type + "-----\n";
  }
}
