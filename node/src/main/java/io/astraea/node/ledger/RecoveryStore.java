package io.astraea.node.ledger;

import io.astraea.consensus.RecoveryData;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.ledger.storage.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Where the node keeps the consensus {@link RecoveryData} of its latest commit: a small file
 * beside the database, replaced atomically (write a temporary file, fsync it, rename it over the
 * old one, fsync the directory), so a crash leaves either the old or the new record, never a torn
 * one. It is written after the ledger commit it describes; a record older than the ledger (a crash
 * in between) is still a valid place to resume, because re-executing and re-committing blocks the
 * ledger already holds is a no-op.
 */
public final class RecoveryStore {
  static final String FILE = "consensus-recovery.bcs";

  private final Path file;
  private final Path dir;

  public RecoveryStore(Path dir) {
    this.dir = dir;
    this.file = dir.resolve(FILE);
  }

  /** The last saved record, or empty if none was ever saved. */
  public Optional<RecoveryData> load() throws StorageException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(RecoveryCodec.decode(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new StorageException(StorageException.Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
    } catch (BcsException e) {
      throw new StorageException(StorageException.Kind.CORRUPT, file + " does not decode: " + e.getMessage(), e);
    }
  }

  /** Saves {@code data} durably; returns once it survives a crash. */
  public void save(RecoveryData data) throws StorageException {
    Path tmp = dir.resolve(FILE + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(RecoveryCodec.encode(data));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory();
    } catch (IOException e) {
      throw new StorageException(StorageException.Kind.IO, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private void syncDirectory() {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems cannot open a directory for fsync; the rename itself is still atomic.
    }
  }
}
