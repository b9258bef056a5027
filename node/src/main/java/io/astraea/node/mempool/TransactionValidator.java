package io.astraea.node.mempool;

import io.astraea.crypto.bcs.BcsException;
import io.astraea.ledger.execution.BlockExecutor;
import io.astraea.ledger.execution.BlockOutput;
import io.astraea.ledger.execution.ExecutionException;
import io.astraea.ledger.execution.ExecutorConfig;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.state.StateView;
import io.astraea.ledger.state.SystemState;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.StatusCode;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionStatus;
import java.util.List;
import java.util.Optional;

/**
 * Mempool admission against the latest committed state, with the ledger's own prologue: the
 * transaction is executed alone on the committed state by the ledger's {@link BlockExecutor}
 * (signatures excluded: they are checked separately, once) and its discard status, if any, is the
 * verdict. Nothing it writes is kept. Two outcomes differ from block execution on purpose, as in
 * Diem's validator: a sequence number above the account's ({@code SEQUENCE_NUMBER_TOO_NEW}) is
 * admitted to wait for its predecessors, after the one prologue check that comes later in the
 * prologue's order (expiry against the committed block time); everything the prologue keeps is
 * admitted, even if its script would abort (it still pays gas).
 *
 * <p>The ledger offers no prologue-only entry point, so this runs the transaction's script too;
 * see the report to the ledger owners for the method that would avoid that.
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
    BlockOutput out;
    try {
      out = executor.executeTransactions(committed, List.of(new Transaction.UserTransaction(txn)));
    } catch (ExecutionException | RuntimeException e) {
      throw MempoolRejection.validation(StatusCode.UNKNOWN_VALIDATION_STATUS);
    }
    TransactionStatus status = out.outputs().get(0).status();
    if (status instanceof TransactionStatus.Discard d) {
      if (d.code() != StatusCode.SEQUENCE_NUMBER_TOO_NEW) {
        throw MempoolRejection.validation(d.code());
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
