package io.astraea.crypto.keys;

import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519PublicKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads and writes Ed25519 key files in the PEM forms of {@link KeyPem}, interchangeable with
 * OpenSSL's.
 *
 * <p>Private key files are created with POSIX mode 0600 from the first byte (the permission is an
 * attribute of the create call, never a chmod after the secret is on disk), and a private key
 * file that group or others may access in any way is refused on reading, as OpenSSH does, with a
 * message giving the {@code chmod} that fixes it. Neither private nor public key files are ever
 * overwritten. On file systems without POSIX permissions the mode checks are skipped.
 */
public final class KeyFiles {
  /** Key files are a few hundred bytes; anything much larger is not a key. */
  static final int MAX_FILE_SIZE = 64 * 1024;

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private KeyFiles() {}

  /** Writes a PKCS#8 PEM private key to a new file with mode 0600. */
  public static void writePrivateKey(Path path, Ed25519PrivateKey key) throws KeyFileException {
    byte[] pem = KeyPem.encodePrivateKey(key).getBytes(StandardCharsets.US_ASCII);
    FileAttribute<?>[] attrs =
        isPosix(path.toAbsolutePath().getParent())
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
            : new FileAttribute<?>[0];
    writeNew(path, pem, attrs);
  }

  /** Writes a SubjectPublicKeyInfo PEM public key to a new file (default permissions). */
  public static void writePublicKey(Path path, Ed25519PublicKey key) throws KeyFileException {
    writeNew(path, KeyPem.encodePublicKey(key).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Reads a PKCS#8 PEM private key, refusing a file that group or others can access.
   *
   * @throws KeyFileException {@link KeyFileException.Kind#INSECURE_PERMISSIONS} with the fix in its
   *     message, or another kind for a missing, unreadable or malformed file
   */
  public static Ed25519PrivateKey readPrivateKey(Path path) throws KeyFileException {
    checkOwnerOnly(path);
    return KeyPem.decodePrivateKey(read(path));
  }

  /** Reads a SubjectPublicKeyInfo PEM public key. */
  public static Ed25519PublicKey readPublicKey(Path path) throws KeyFileException {
    return KeyPem.decodePublicKey(read(path));
  }

  /** Refuses a file that group or others can read, write or execute. */
  static void checkOwnerOnly(Path path) throws KeyFileException {
    Set<PosixFilePermission> perms;
    try {
      if (!isPosix(path)) {
        return;
      }
      perms = Files.getPosixFilePermissions(path);
    } catch (NoSuchFileException e) {
      throw new KeyFileException(KeyFileException.Kind.NOT_FOUND, "no key file at " + path, e);
    } catch (IOException e) {
      throw new KeyFileException(KeyFileException.Kind.IO, "cannot stat " + path + ": " + e, e);
    }
    for (PosixFilePermission p : perms) {
      if (GROUP_OR_OTHERS.contains(p)) {
        throw new KeyFileException(
            KeyFileException.Kind.INSECURE_PERMISSIONS,
            "private key file "
                + path
                + " has mode "
                + octal(perms)
                + " and is accessible by group or others; restrict it with: chmod 600 "
                + path);
      }
    }
  }

  private static boolean isPosix(Path path) {
    Path p = path == null ? Path.of("").toAbsolutePath() : path;
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  static String octal(Set<PosixFilePermission> perms) {
    int mode = 0;
    for (PosixFilePermission p : perms) {
      mode |= 1 << (8 - p.ordinal());
    }
    return String.format("%04o", mode);
  }

  private static void writeNew(Path path, byte[] content, FileAttribute<?>... attrs)
      throws KeyFileException {
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    boolean created = false;
    try (SeekableByteChannel ch = Files.newByteChannel(path, options, attrs)) {
      created = true;
      ByteBuffer buf = ByteBuffer.wrap(content);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    } catch (FileAlreadyExistsException e) {
      throw new KeyFileException(
          KeyFileException.Kind.ALREADY_EXISTS,
          path + " already exists; refusing to overwrite a key file (move it away first)",
          e);
    } catch (IOException e) {
      if (created) {
        try {
          Files.deleteIfExists(path);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new KeyFileException(KeyFileException.Kind.IO, "cannot write " + path + ": " + e, e);
    }
  }

  private static String read(Path path) throws KeyFileException {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] b = in.readNBytes(MAX_FILE_SIZE + 1);
      if (b.length > MAX_FILE_SIZE) {
        throw new KeyFileException(
            KeyFileException.Kind.MALFORMED, path + " is larger than " + MAX_FILE_SIZE + " bytes");
      }
      return new String(b, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new KeyFileException(KeyFileException.Kind.NOT_FOUND, "no key file at " + path, e);
    } catch (AccessDeniedException e) {
      throw new KeyFileException(KeyFileException.Kind.IO, "permission denied reading " + path, e);
    } catch (IOException e) {
      throw new KeyFileException(KeyFileException.Kind.IO, "cannot read " + path + ": " + e, e);
    }
  }
}
