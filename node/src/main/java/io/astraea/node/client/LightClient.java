package io.astraea.node.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.astraea.consensus.types.EpochChangeProof;
import io.astraea.consensus.types.SignatureChecker;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfo;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.crypto.quorum.VerifyException;
import io.astraea.ledger.accumulator.AccumulatorProof;
import io.astraea.ledger.accumulator.AccumulatorProofException;
import io.astraea.ledger.accumulator.AccumulatorVerifier;
import io.astraea.ledger.jmt.ProofException;
import io.astraea.ledger.jmt.SparseMerkleProof;
import io.astraea.ledger.jmt.SparseMerkleProofVerifier;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.storage.EventWithProof;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.EventKey;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.Transaction;
import io.astraea.ledger.types.TransactionInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads accounts and event streams from one node without trusting it, as Diem's verifying clients
 * do: the latest ledger info must be signed by a quorum of validators reached from a trusted epoch
 * (the genesis validator set) through signed epoch changes ({@link #certified}); an account's
 * state must be proven against that ledger info's accumulator root, through the transaction info
 * holding its state root; an event, through its transaction's info and event root.
 */
public final class LightClient {
  /** An account's state (empty: proven absent) at the version {@code certified} certifies. */
  public record VerifiedAccount(Certified certified, Optional<AccountState> state) {
    public long version() {
      return certified.version();
    }

    public long epoch() {
      return certified.ledgerInfo().ledgerInfo().epoch();
    }

    public int validators() {
      return certified.epoch().verifier().size();
    }

    public String summary() {
      return certified.summary();
    }
  }

  /** A user transaction and its info, proven committed at {@code version}. */
  public record VerifiedTransaction(long version, SignedTransaction transaction, TransactionInfo info) {}

  /** An event of a stream, proven to have been emitted at {@code version}. */
  public record VerifiedEvent(long version, ContractEvent event) {}

  /** A ledger info and the epoch state whose quorum signed it. */
  public record Certified(LedgerInfoWithSignatures ledgerInfo, EpochState epoch) {
    public long version() {
      return ledgerInfo.ledgerInfo().version();
    }

    /** What was verified, for people: {@code version V, epoch E, signed by K of N validators}. */
    public String summary() {
      return "version " + version() + ", epoch " + ledgerInfo.ledgerInfo().epoch() + ", signed by "
          + ledgerInfo.signatures().size() + " of " + epoch.verifier().size() + " validators";
    }
  }

  private final JsonRpcClient rpc;
  private final EpochState trusted;

  /** @param trusted the validator set the client trusts, e.g. the genesis one */
  public LightClient(JsonRpcClient rpc, EpochState trusted) {
    this.rpc = rpc;
    this.trusted = trusted;
  }

  /** {@code address}'s state at the node's latest certified version. */
  public VerifiedAccount account(AccountAddress address)
      throws IOException, InterruptedException, UnverifiedAnswerException {
    return account(address, certified());
  }

  /** {@code address}'s state at the version {@code certified} certifies. */
  public VerifiedAccount account(AccountAddress address, Certified certified)
      throws IOException, InterruptedException, UnverifiedAnswerException {
    LedgerInfo li = certified.ledgerInfo().ledgerInfo();
    JsonNode a = rpc.call("get_account_state_with_proof", address.toHex(), li.version(), li.version());
    if (a == null || a.path("version").asLong(-1) != li.version()) {
      throw new UnverifiedAnswerException("the account state is not at the certified version " + li.version());
    }
    JsonNode proof = a.path("proof");
    TransactionInfo info = decode(proof, "transaction_info", TransactionInfo::decode);
    AccumulatorProof infoProof = decode(proof, "ledger_info_to_transaction_info_proof", AccumulatorProof::decode);
    SparseMerkleProof stateProof = decode(proof, "transaction_info_to_account_proof", SparseMerkleProof::decode);
    Optional<byte[]> blob = Optional.empty();
    if (a.path("blob").isTextual()) {
      blob = Optional.of(hex(a.path("blob").asText(), "blob"));
    }
    try {
      AccumulatorVerifier.verifyInclusion(li.commitInfo().executedStateId(), info.hash(), li.version(), infoProof);
      SparseMerkleProofVerifier.verify(info.stateRootHash(), StateKeys.accountKey(address), blob, stateProof);
    } catch (AccumulatorProofException | ProofException e) {
      throw new UnverifiedAnswerException("the account's proof does not verify: " + e.getMessage(), e);
    }
    Optional<AccountState> state = Optional.empty();
    if (blob.isPresent()) {
      try {
        state = Optional.of(AccountState.fromBcs(blob.get()));
      } catch (BcsException e) {
        throw new UnverifiedAnswerException("the proven account blob does not decode: " + e.getMessage(), e);
      }
    }
    return new VerifiedAccount(certified, state);
  }

  /**
   * The transaction {@code sender} sent with sequence number {@code sequence}, proven committed by
   * the version {@code certified} certifies; empty if the node says it was not (which it cannot
   * prove: check again against a later ledger info).
   */
  public Optional<VerifiedTransaction> sentTransaction(AccountAddress sender, long sequence, Certified certified)
      throws IOException, InterruptedException, UnverifiedAnswerException {
    LedgerInfo li = certified.ledgerInfo().ledgerInfo();
    JsonNode answer = rpc.call("get_account_transactions_with_proofs", sender.toHex(), sequence, 1, false,
        li.version()).path("serialized_txns_with_proofs");
    if (!answer.isArray() || answer.size() > 1) {
      throw new UnverifiedAnswerException("get_account_transactions_with_proofs did not answer at most one transaction");
    }
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    TransactionWithProofBytes t = decode(answer.get(0), null, TransactionWithProofBytes::decode);
    if (!(t.transaction() instanceof Transaction.UserTransaction u)
        || !u.transaction().sender().equals(sender) || u.transaction().sequenceNumber() != sequence) {
      throw new UnverifiedAnswerException("the node answered another transaction than " + sender.toHex() + "'s number "
          + sequence);
    }
    if (!t.info().transactionHash().equals(t.transaction().hash())) {
      throw new UnverifiedAnswerException("the transaction info is not the transaction's");
    }
    try {
      AccumulatorVerifier.verifyInclusion(li.commitInfo().executedStateId(), t.info().hash(), t.version(), t.proof());
    } catch (AccumulatorProofException e) {
      throw new UnverifiedAnswerException("the transaction's proof does not verify: " + e.getMessage(), e);
    }
    return Optional.of(new VerifiedTransaction(t.version(), u.transaction(), t.info()));
  }

  /** Diem's {@code TransactionWithProof} as a client decodes it (no events asked for). */
  private record TransactionWithProofBytes(
      long version, Transaction transaction, AccumulatorProof proof, TransactionInfo info) {
    static TransactionWithProofBytes decode(BcsReader r) throws BcsException {
      long version = r.readU64();
      Transaction transaction = Transaction.decode(r);
      if (r.readOption(e -> e.readSeq(ContractEvent::decode)).isPresent()) {
        throw new BcsException("events the client did not ask for", r.position());
      }
      return new TransactionWithProofBytes(version, transaction, AccumulatorProof.decode(r), TransactionInfo.decode(r));
    }
  }

  /**
   * Events {@code start ..} of stream {@code key}, at most {@code limit}, each proven at the
   * version {@code certified} certifies. The node may return fewer (the stream may end there);
   * it cannot skip or alter any: each must carry the next sequence number.
   */
  public List<VerifiedEvent> events(EventKey key, long start, int limit, Certified certified)
      throws IOException, InterruptedException, UnverifiedAnswerException {
    LedgerInfo li = certified.ledgerInfo().ledgerInfo();
    JsonNode answer = rpc.call("get_events_with_proofs", key.toHex(), start, limit, li.version());
    if (answer == null || !answer.isArray() || answer.size() > limit) {
      throw new UnverifiedAnswerException("get_events_with_proofs did not answer a list of at most " + limit);
    }
    List<VerifiedEvent> out = new ArrayList<>();
    for (JsonNode n : answer) {
      EventWithProof e = decode(n, "event_with_proof", EventWithProof::decode);
      long expected = start + out.size();
      if (!e.event().key().equals(key) || e.event().sequenceNumber() != expected) {
        throw new UnverifiedAnswerException("expected event " + expected + " of " + key.toHex() + ", got event "
            + e.event().sequenceNumber() + " of " + e.event().key().toHex());
      }
      try {
        AccumulatorVerifier.verifyInclusion(li.commitInfo().executedStateId(), e.info().hash(), e.transactionVersion(),
            e.infoProof());
        AccumulatorVerifier.verifyEventInclusion(e.info().eventRootHash(), e.event().hash(), e.eventIndex(),
            e.eventProof());
      } catch (AccumulatorProofException ex) {
        throw new UnverifiedAnswerException("event " + expected + "'s proof does not verify: " + ex.getMessage(), ex);
      }
      out.add(new VerifiedEvent(e.transactionVersion(), e.event()));
    }
    return out;
  }

  /** The node's latest ledger info, checked from the trusted epoch on. */
  public Certified certified() throws IOException, InterruptedException, UnverifiedAnswerException {
    JsonNode sp = rpc.call("get_state_proof", 0);
    if (sp == null || !sp.isObject()) {
      throw new UnverifiedAnswerException("no state proof in the answer");
    }
    LedgerInfoWithSignatures li = decode(sp, "ledger_info_with_signatures", LedgerInfoWithSignatures::decode);
    EpochChangeProof changes = decode(sp, "epoch_change_proof", EpochChangeProof::decode);
    EpochState state = trusted;
    try {
      if (li.ledgerInfo().epoch() > state.epoch()) {
        state = changes.verify(state, SignatureChecker.ed25519());
      }
      li.verify(state);
    } catch (VerifyException e) {
      throw new UnverifiedAnswerException(
          "the latest ledger info is not certified by the trusted validators: " + e.getMessage(), e);
    }
    return new Certified(li, state);
  }

  @FunctionalInterface
  private interface Decoder<T> {
    T decode(BcsReader r) throws BcsException;
  }

  /** Decodes {@code parent}'s hex {@code field}, or {@code parent} itself if {@code field} is null. */
  private static <T> T decode(JsonNode parent, String field, Decoder<T> decoder) throws UnverifiedAnswerException {
    JsonNode n = field == null ? parent : parent.path(field);
    if (!n.isTextual()) {
      throw new UnverifiedAnswerException("the answer has no " + (field == null ? "hex string" : field));
    }
    try {
      return BcsReader.decode(hex(n.asText(), field), decoder::decode);
    } catch (BcsException e) {
      throw new UnverifiedAnswerException(field + " does not decode: " + e.getMessage(), e);
    }
  }

  private static byte[] hex(String s, String field) throws UnverifiedAnswerException {
    try {
      return HexFormat.of().parseHex(s);
    } catch (IllegalArgumentException e) {
      throw new UnverifiedAnswerException(field + " is not hex", e);
    }
  }
}
