package io.astraea.ledger.storage;

import java.nio.ByteBuffer;

/** Big-endian key building blocks. */
final class Keys {
  private Keys() {}

  static byte[] u64(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  static long readU64(byte[] b, int offset) {
    return ByteBuffer.wrap(b, offset, 8).getLong();
  }

  static long readU64(byte[] b) throws StorageException {
    if (b.length != 8) {
      throw new StorageException(StorageException.Kind.CORRUPT, "expected 8 bytes, got " + b.length);
    }
    return readU64(b, 0);
  }

  static byte[] concat(byte[] a, long v) {
    return ByteBuffer.allocate(a.length + 8).put(a).putLong(v).array();
  }

  static byte[] versionAndIndex(long version, int index) {
    return ByteBuffer.allocate(12).putLong(version).putInt(index).array();
  }

  static boolean hasPrefix(byte[] key, byte[] prefix) {
    if (key.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (key[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
