package io.astraea.ledger.types;

import java.util.Objects;

/**
 * What execution decided about one transaction: keep it in the ledger with a {@link KeptVmStatus}
 * (gas is charged, the sequence number advances), or discard it with a validation
 * {@link StatusCode} (nothing is written), or retry it in a later block because an earlier
 * transaction of this block ended the epoch (Diem's {@code Retry}). Not part of any hashed
 * structure.
 */
public sealed interface TransactionStatus {

  static TransactionStatus keep(KeptVmStatus status) {
    return new Keep(status);
  }

  static TransactionStatus discard(StatusCode code) {
    return new Discard(code);
  }

  static TransactionStatus retry() {
    return Retry.INSTANCE;
  }

  default boolean isDiscarded() {
    return this instanceof Discard;
  }

  record Keep(KeptVmStatus status) implements TransactionStatus {
    public Keep {
      Objects.requireNonNull(status, "status");
    }
  }

  record Discard(StatusCode code) implements TransactionStatus {
    public Discard {
      Objects.requireNonNull(code, "code");
    }
  }

  /** Not executed: the block reconfigured before this transaction; it may go in a later block. */
  record Retry() implements TransactionStatus {
    static final Retry INSTANCE = new Retry();
  }
}
