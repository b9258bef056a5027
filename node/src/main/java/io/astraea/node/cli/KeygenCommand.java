package io.astraea.node.cli;

import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.keys.KeyFileException;
import io.astraea.crypto.keys.KeyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code astraea keygen --out FILE}: writes a new Ed25519 private key as PKCS#8 PEM (mode 0600)
 * and its public key beside it as {@code FILE.pub}, then prints the public key, the
 * authentication key and the account address that key controls.
 */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = "Generate an Ed25519 key pair (PKCS#8 PEM, mode 0600) and print its identity.")
public final class KeygenCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Private key file to write; the public key goes to FILE.pub.")
  Path out;

  @Option(names = "--force", description = "Overwrite FILE and FILE.pub if they exist.")
  boolean force;

  @Option(names = "--json", description = "Print the result as one JSON object.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws KeyFileException, IOException {
    Path pub = out.resolveSibling(out.getFileName() + ".pub");
    for (Path p : new Path[] {out, pub}) {
      if (Files.exists(p)) {
        if (!force) {
          throw new KeyFileException(
              KeyFileException.Kind.ALREADY_EXISTS, p + " already exists; pass --force to overwrite it");
        }
        Files.delete(p);
      }
    }
    Ed25519PrivateKey key = Ed25519PrivateKey.generate();
    KeyFiles.writePrivateKey(out, key);
    KeyFiles.writePublicKey(pub, key.publicKey());
    AuthenticationKey auth = AuthenticationKey.ed25519(key.publicKey());
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.printf(
          "{\"private_key_file\":\"%s\",\"public_key_file\":\"%s\",\"public_key\":\"%s\","
              + "\"authentication_key\":\"%s\",\"address\":\"%s\"}%n",
          jsonEscape(out.toString()),
          jsonEscape(pub.toString()),
          key.publicKey().toHex(),
          auth.toHex(),
          auth.derivedAddress().toHex());
    } else {
      o.printf("private key:         %s (mode 0600)%n", out);
      o.printf("public key:          %s (%s)%n", key.publicKey().toHex(), pub);
      o.printf("authentication key:  %s%n", auth.toHex());
      o.printf("account address:     %s%n", auth.derivedAddress().toHex());
    }
    o.flush();
    return AstraeaCli.EXIT_OK;
  }

  private static String jsonEscape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
