package io.astraea.ledger.execution;

import io.astraea.crypto.AccountAddress;

/**
 * An account blob in the state view that does not decode. Only the executor throws and catches
 * it: the transaction that touched the account is discarded with
 * {@code UNABLE_TO_DESERIALIZE_ACCOUNT}.
 */
final class CorruptStateException extends RuntimeException {
  CorruptStateException(AccountAddress address, String reason) {
    super("account " + address + " does not decode: " + reason, null, false, false);
  }
}
