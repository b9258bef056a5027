package io.astraea.node.mempool;

import io.astraea.crypto.bcs.BcsException;
import io.astraea.ledger.execution.BlockExecutor;
import io.astraea.ledger.execution.ExecutionException;
import io.astraea.ledger.execution.ExecutorConfig;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.state.StateView;
import io.astraea.ledger.state.SystemState;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.StatusCode;
import java.util.Optional;

/**
 * Mempool admission against the latest committed state, with the ledger's own prologue: the
 * ledger's {@link BlockExecutor} runs the transaction's prologue alone on the committed state
 * (signatures excluded: they are checked separately, once; the script is not run) and its discard
 * status, if any, is the verdict. Two outcomes differ from block execution on purpose, as in
 * Diem's validator: a sequence number above the account's ({@code SEQUENCE_NUMBER_TOO_NEW}) is
 * admitted to wait for its predecessors, after the one prologue check that comes later in the
 * prologue's order (expiry against the committed block time); everything the prologue keeps is
 * admitted, even if its script would abort (it still pays gas).
 */
public final class TransactionValidator {
  private final BlockExecutor executor;

  public TransactionValidator(ExecutorConfig config) {
    this.executor = new BlockExecutor(config.withoutSignatureChecks());
  }

  /**
   * Validates {@code txn} on {@code committed}; returns the sender's committed sequence number.
   *
   * @throws io.astraea.node.mempool.MempoolRejection with Diem's discard status
   */
  public long validate(SignedTransaction txn, StateView committed) throws MempoolRejection {
    Optional<StatusCode> discard;
    try {
      discard = executor.validateTransaction(committed, txn);
    } catch (ExecutionException | RuntimeException e) {
      throw MempoolRejection.validation(StatusCode.UNKNOWN_VALIDATION_STATUS);
    }
    if (discard.isPresent()) {
      if (discard.get() != StatusCode.SEQUENCE_NUMBER_TOO_NEW) {
        throw MempoolRejection.validation(discard.get());
      }
      long nowSecs = system(committed).timestampUsecs() / 1_000_000L;
      if (Long.compareUnsigned(nowSecs, txn.rawTxn().expirationTimestampSecs()) >= 0) {
        throw MempoolRejection.validation(StatusCode.TRANSACTION_EXPIRED);
      }
    }
    return account(committed, txn).map(AccountState::sequenceNumber).orElse(0L);
  }

  private static SystemState system(StateView view) throws MempoolRejection {
    try {
      return SystemState.fromBcs(view.getAccountBlob(StateKeys.SYSTEM).orElseThrow());
    } catch (BcsException | RuntimeException e) {
      throw MempoolRejection.validation(StatusCode.UNKNOWN_VALIDATION_STATUS);
    }
  }

  private static Optional<AccountState> account(StateView view, SignedTransaction txn) throws MempoolRejection {
    try {
      Optional<byte[]> blob = view.getAccountBlob(txn.sender());
      return blob.isEmpty() ? Optional.empty() : Optional.of(AccountState.fromBcs(blob.get()));
    } catch (BcsException | RuntimeException e) {
      throw MempoolRejection.validation(StatusCode.UNKNOWN_VALIDATION_STATUS);
    }
  }
}
