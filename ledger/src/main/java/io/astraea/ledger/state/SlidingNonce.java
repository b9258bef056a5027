package io.astraea.ledger.state;

import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.math.BigInteger;

/**
 * Replay protection for administrative scripts, as Diem's {@code SlidingNonce}: a window of 128
 * nonces starting at {@code minNonce}, with a bit per nonce already used. Nonce 0 is never
 * recorded (scripts that do not need one pass 0); a nonce below the window is too old, one more
 * than 10,000 above it too new, and one already in the mask a replay.
 */
public record SlidingNonce(long minNonce, BigInteger mask) {
  public static final int WINDOW = 128;
  public static final long JUMP_LIMIT = 10_000;
  /** Diem's abort reasons ({@code SlidingNonce::ENONCE_*}). */
  public static final int ENONCE_TOO_OLD = 1;
  public static final int ENONCE_TOO_NEW = 2;
  public static final int ENONCE_ALREADY_RECORDED = 3;

  public static final SlidingNonce INITIAL = new SlidingNonce(0, BigInteger.ZERO);
  private static final BigInteger FULL = BigInteger.ONE.shiftLeft(WINDOW).subtract(BigInteger.ONE);

  public SlidingNonce {
    if (mask.signum() < 0 || mask.bitLength() > WINDOW) {
      throw new IllegalArgumentException("the nonce mask is 128 bits");
    }
  }

  /** A nonce that cannot be recorded; {@code reason} is one of the {@code ENONCE_*} codes. */
  public static final class Rejected extends Exception {
    private final int reason;

    public Rejected(int reason, String message) {
      super(message);
      this.reason = reason;
    }

    public int reason() {
      return reason;
    }
  }

  /** The window after recording {@code nonce}, or {@link Rejected}. */
  public SlidingNonce record(long nonce) throws Rejected {
    if (nonce == 0) {
      return this;
    }
    if (U64.lessThan(nonce, minNonce)) {
      throw new Rejected(ENONCE_TOO_OLD, "nonce " + U64.toString(nonce) + " is below the window");
    }
    if (nonce - minNonce >= JUMP_LIMIT) {
      throw new Rejected(ENONCE_TOO_NEW, "nonce " + U64.toString(nonce) + " jumps too far ahead");
    }
    long min = minNonce;
    BigInteger m = mask;
    long bitPos = nonce - min;
    if (bitPos >= WINDOW) {
      long shift = bitPos - WINDOW + 1;
      if (shift >= WINDOW) {
        m = BigInteger.ZERO;
        min = nonce + 1 - WINDOW;
      } else {
        m = m.shiftRight((int) shift);
        min = min + shift;
      }
      bitPos = nonce - min;
    }
    if (m.testBit((int) bitPos)) {
      throw new Rejected(ENONCE_ALREADY_RECORDED, "nonce " + U64.toString(nonce) + " was used");
    }
    return new SlidingNonce(min, m.setBit((int) bitPos).and(FULL));
  }

  public static SlidingNonce decode(BcsReader r) throws BcsException {
    long min = r.readU64();
    return new SlidingNonce(min, r.readU128());
  }

  public void serialize(BcsWriter w) {
    w.writeU64(minNonce).writeU128(mask);
  }
}
