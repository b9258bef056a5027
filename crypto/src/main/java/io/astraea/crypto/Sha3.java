package io.astraea.crypto;

import org.bouncycastle.crypto.digests.SHA3Digest;

/** SHA3-256 (FIPS 202), the only hash function of the protocol. */
public final class Sha3 {
  private Sha3() {}

  /** SHA3-256 over the concatenation of the given parts. */
  public static HashValue hash(byte[]... parts) {
    SHA3Digest d = new SHA3Digest(256);
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[HashValue.LENGTH];
    d.doFinal(out, 0);
    return HashValue.adopt(out);
  }

  /** A running SHA3-256 computation, for hashing without concatenating buffers first. */
  public static final class Builder {
    private final SHA3Digest digest;

    Builder(SHA3Digest seeded) {
      this.digest = seeded;
    }

    public Builder() {
      this(new SHA3Digest(256));
    }

    public Builder update(byte[] data) {
      digest.update(data, 0, data.length);
      return this;
    }

    public Builder update(byte[] data, int offset, int length) {
      digest.update(data, offset, length);
      return this;
    }

    public Builder update(HashValue h) {
      byte[] b = new byte[HashValue.LENGTH];
      h.copyTo(b, 0);
      digest.update(b, 0, b.length);
      return this;
    }

    public HashValue finish() {
      byte[] out = new byte[HashValue.LENGTH];
      digest.doFinal(out, 0);
      return HashValue.adopt(out);
    }
  }
}
