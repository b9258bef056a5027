package io.astraea.ledger.execution;

import static io.astraea.ledger.execution.PaymentTest.abortCode;
import static io.astraea.ledger.execution.PaymentTest.kept;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.config.AssociationRootKey;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.MultiEd25519PrivateKey;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.types.AbortLocation;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.KeptVmStatus;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.StatusCode;
import io.astraea.ledger.types.TransactionPayload;
import io.astraea.ledger.types.TransactionStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adding, removing and reconfiguring validators; each change ends the epoch. */
class ValidatorGovernanceTest {
  private final TestLedger ledger = new TestLedger();
  private final AccountAddress root = StateKeys.ASSOCIATION_ROOT;
  private long nonce = 1;

  private TransactionPayload call(StandardScript s, Object... args) {
    return Payloads.call(s, null, args);
  }

  private static Bytes key(Ed25519PrivateKey k) {
    return Bytes.of(k.publicKey().toBytes());
  }

  /** Creates validator and operator accounts, links them, registers a config; returns the validator. */
  private AccountAddress prospective(Ed25519PrivateKey owner, Ed25519PrivateKey operator, Ed25519PrivateKey consensus) {
    AccountAddress v = Keys.address(owner);
    AccountAddress op = Keys.address(operator);
    assertEquals(KeptVmStatus.EXECUTED, kept(ledger.run(ledger.txn(root, call(StandardScript.CREATE_VALIDATOR_ACCOUNT,
        nonce++, v, Bytes.of(Keys.authKey(owner).prefix()), Payloads.utf8("v2"))))));
    assertEquals(KeptVmStatus.EXECUTED, kept(ledger.run(ledger.txn(root, call(
        StandardScript.CREATE_VALIDATOR_OPERATOR_ACCOUNT, nonce++, op, Bytes.of(Keys.authKey(operator).prefix()),
        Payloads.utf8("op2"))))));
    ledger.addSigner(owner);
    ledger.addSigner(operator);
    assertEquals(KeptVmStatus.EXECUTED, kept(ledger.run(ledger.txn(v,
        call(StandardScript.SET_VALIDATOR_OPERATOR, Payloads.utf8("op2"), op)))));
    assertEquals(KeptVmStatus.EXECUTED, kept(ledger.run(ledger.txn(op, call(StandardScript.REGISTER_VALIDATOR_CONFIG,
        v, key(consensus), Bytes.EMPTY, Bytes.EMPTY)))));
    return v;
  }

  @Test
  void addingAValidatorEndsTheEpochWithTheNewSet() {
    AccountAddress v = prospective(Keys.key(60), Keys.key(61), Keys.key(62));
    BlockOutput out = ledger.block(List.of(ledger.txn(root,
        call(StandardScript.ADD_VALIDATOR_AND_RECONFIGURE, nonce++, Payloads.utf8("v2"), v))));
    TransactionOutput add = out.outputs().get(1);
    assertEquals(KeptVmStatus.EXECUTED, kept(add));
    assertEquals("0x1::DiemConfig::NewEpochEvent", add.events().get(0).typeTag().toString());
    EpochState next = out.nextEpochState().orElseThrow();
    assertEquals(2, next.epoch());
    assertEquals(3, next.verifier().size());
    assertEquals(Keys.key(62).publicKey(), next.verifier().publicKey(v).orElseThrow());
    assertEquals(next, ledger.system().epochState());
    // ordinary blocks do not end the epoch
    assertFalse(ledger.block(List.of()).endsEpoch());
  }

  @Test
  void removingAndTheLastValidator() {
    AccountAddress v1 = Keys.address(ledger.validator1);
    BlockOutput out = ledger.block(List.of(ledger.txn(root,
        call(StandardScript.REMOVE_VALIDATOR_AND_RECONFIGURE, nonce++, Payloads.utf8("v1"), v1))));
    assertEquals(1, out.nextEpochState().orElseThrow().verifier().size());
    AccountAddress v0 = Keys.address(ledger.validator0);
    assertEquals(7L << 8 | 1, abortCode(ledger.run(ledger.txn(root,
        call(StandardScript.REMOVE_VALIDATOR_AND_RECONFIGURE, nonce++, Payloads.utf8("v0"), v0)))));
    assertEquals(5L << 8 | 7, abortCode(ledger.run(ledger.txn(root,
        call(StandardScript.REMOVE_VALIDATOR_AND_RECONFIGURE, nonce++, Payloads.utf8("v1"), v1)))));
  }

  @Test
  void rootChangesAnActiveValidatorsKeys() {
    AccountAddress v0 = Keys.address(ledger.validator0);
    Ed25519PrivateKey newKey = Keys.key(63);
    BlockOutput out = ledger.block(List.of(ledger.txn(root, call(StandardScript.SET_VALIDATOR_CONFIG_AND_RECONFIGURE,
        v0, key(newKey), Bytes.EMPTY, Bytes.EMPTY))));
    assertEquals(KeptVmStatus.EXECUTED, kept(out.outputs().get(1)));
    assertEquals(newKey.publicKey(), out.nextEpochState().orElseThrow().verifier().publicKey(v0).orElseThrow());
  }

  @Test
  void twoChangesInOneBlockMakeOneEpoch() {
    AccountAddress v = prospective(Keys.key(64), Keys.key(65), Keys.key(66));
    long n = nonce;
    BlockOutput out = ledger.block(List.of(
        ledger.sign(ledger.raw(root, call(StandardScript.ADD_VALIDATOR_AND_RECONFIGURE, n, Payloads.utf8("v2"), v))
            .build()),
        ledger.sign(ledger.raw(root, call(StandardScript.REMOVE_VALIDATOR_AND_RECONFIGURE, n + 1, Payloads.utf8("v1"),
            Keys.address(ledger.validator1))).sequenceNumber(ledger.seq(root) + 1).build())));
    assertEquals(KeptVmStatus.EXECUTED, kept(out.outputs().get(2)));
    EpochState next = out.nextEpochState().orElseThrow();
    assertEquals(2, next.epoch());
    assertEquals(2, next.verifier().size());
    assertTrue(next.verifier().contains(v));
  }

  @Test
  void governanceViolations() {
    AccountAddress v = prospective(Keys.key(67), Keys.key(68), Keys.key(69));
    // only the association root adds validators
    assertEquals(1L << 8 | 3, abortCode(ledger.run(ledger.txn(StateKeys.TREASURY_COMPLIANCE,
        call(StandardScript.ADD_VALIDATOR_AND_RECONFIGURE, 0L, Payloads.utf8("v2"), v)))));
    // the name must match
    TransactionOutput wrongName = ledger.run(ledger.txn(root,
        call(StandardScript.ADD_VALIDATOR_AND_RECONFIGURE, 0L, Payloads.utf8("nope"), v)));
    assertEquals(AbortLocation.SCRIPT, ((KeptVmStatus.MoveAbort) kept(wrongName)).location());
    // already active; not a validator account
    assertEquals(4L << 8 | 7, abortCode(ledger.run(ledger.txn(root, call(StandardScript.ADD_VALIDATOR_AND_RECONFIGURE,
        0L, Payloads.utf8("v0"), Keys.address(ledger.validator0))))));
    assertEquals(3L << 8 | 7, abortCode(ledger.run(ledger.txn(root, call(StandardScript.ADD_VALIDATOR_AND_RECONFIGURE,
        0L, Payloads.utf8("v0"), ledger.user(0))))));
    // a stranger may not set a validator's config; a bad consensus key is refused
    assertEquals(1L << 8 | 7, abortCode(ledger.run(ledger.txn(ledger.user(0), call(
        StandardScript.SET_VALIDATOR_CONFIG_AND_RECONFIGURE, v, key(Keys.key(70)), Bytes.EMPTY, Bytes.EMPTY)))));
    assertEquals(2L << 8 | 7, abortCode(ledger.run(ledger.txn(root, call(
        StandardScript.SET_VALIDATOR_CONFIG_AND_RECONFIGURE, v, Bytes.of(new byte[32]), Bytes.EMPTY, Bytes.EMPTY)))));
    // only the root creates validator accounts; only a validator picks its operator
    assertEquals(1L << 8 | 3, abortCode(ledger.run(ledger.txn(ledger.user(0), call(StandardScript.CREATE_VALIDATOR_ACCOUNT,
        0L, Keys.address(Keys.key(71)), Bytes.of(new byte[16]), Payloads.utf8("x"))))));
    assertEquals(7L << 8 | 3, abortCode(ledger.run(ledger.txn(ledger.user(0),
        call(StandardScript.SET_VALIDATOR_OPERATOR, Payloads.utf8("op2"), Keys.address(Keys.key(68)))))));
    assertEquals(ledger.system().epoch(), 1);
  }

  @Test
  void kOfNAssociationRootGovernsWithMultiSignatures() throws Exception {
    List<Ed25519PrivateKey> members = List.of(Keys.key(80), Keys.key(81), Keys.key(82));
    AssociationRootKey rootKey = new AssociationRootKey(members.stream().map(Ed25519PrivateKey::publicKey).toList(), 2);
    TestLedger multi = new TestLedger(ExecutorConfig.standard(), rootKey);
    MultiEd25519PrivateKey signers = MultiEd25519PrivateKey.of(members, 2);
    AccountAddress v1 = Keys.address(multi.validator1);
    var raw = multi.raw(root, Payloads.call(StandardScript.REMOVE_VALIDATOR_AND_RECONFIGURE, null, 1L,
        Payloads.utf8("v1"), v1)).build();
    // one member alone holds the wrong key
    SignedTransaction single = raw.sign(members.get(0));
    assertEquals(TransactionStatus.discard(StatusCode.INVALID_AUTH_KEY), multi.run(single).status());
    BlockOutput out = multi.block(List.of(raw.sign(signers)));
    assertEquals(KeptVmStatus.EXECUTED, kept(out.outputs().get(1)));
    assertEquals(1, out.nextEpochState().orElseThrow().verifier().size());
    assertInstanceOf(TransactionStatus.Keep.class, out.outputs().get(1).status());
  }
}
