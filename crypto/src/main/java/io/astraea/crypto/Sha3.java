package io.astraea.crypto;

/** SHA3-256 (FIPS 202), the only hash function of the protocol. */
public final class Sha3 {
  private Sha3() {}

  /** SHA3-256 over the concatenation of the given parts. */
  public static HashValue hash(byte[]... parts) {
    Sha3Sponge sponge = Sha3Sponge.oneShot();
    for (byte[] p : parts) {
      sponge.update(p);
    }
    return sponge.finishHash();
  }

  /**
   * A running SHA3-256 computation, for hashing without concatenating buffers first. Finishing
   * resets it to the empty message.
   */
  public static final class Builder {
    private final Sha3Sponge sponge;

    Builder(Sha3Sponge seeded) {
      this.sponge = seeded;
    }

    public Builder() {
      this(new Sha3Sponge());
    }

    public Builder update(byte[] data) {
      sponge.update(data);
      return this;
    }

    public Builder update(byte[] data, int offset, int length) {
      sponge.update(data, offset, length);
      return this;
    }

    public Builder update(HashValue h) {
      sponge.update(h.toBytes());
      return this;
    }

    public HashValue finish() {
      return HashValue.of(sponge.finish());
    }
  }
}
