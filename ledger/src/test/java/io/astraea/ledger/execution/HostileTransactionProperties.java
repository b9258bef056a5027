package io.astraea.ledger.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.Identifier;
import io.astraea.ledger.types.ModuleId;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.Script;
import io.astraea.ledger.types.ScriptFunction;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.TransactionArgument;
import io.astraea.ledger.types.TransactionPayload;
import io.astraea.ledger.types.TypeTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Standard scripts called with arbitrary argument bytes, type arguments and senders: the executor
 * answers each with a status, never an exception, and the supply invariant survives.
 */
class HostileTransactionProperties {

  @Property(tries = 25)
  void arbitraryCallsOfStandardScriptsNeverEscape(@ForAll long seed) {
    TestLedger ledger = new TestLedger(ExecutorConfig.standard().withoutSignatureChecks());
    Random r = new Random(seed);
    List<AccountAddress> senders = List.of(StateKeys.TREASURY_COMPLIANCE, StateKeys.ASSOCIATION_ROOT,
        ledger.dealerAddress(), ledger.user(0), ledger.user(1));
    List<SignedTransaction> txns = new ArrayList<>();
    long[] seqs = new long[senders.size()];
    for (int i = 0; i < 40; i++) {
      int who = r.nextInt(senders.size());
      StandardScript s = StandardScript.values()[r.nextInt(StandardScript.values().length)];
      RawTransaction raw = ledger.raw(senders.get(who), payload(s, r, ledger)).sequenceNumber(seqs[who]++).build();
      txns.add(ledger.unsigned(raw));
    }
    BlockOutput out = ledger.block(txns);
    assertEquals(41, out.outputs().size());
    for (int i = 1; i < out.outputs().size(); i++) {
      TransactionOutput o = out.outputs().get(i);
      if (o.isDiscarded()) {
        assertTrue(o.writeSet().isEmpty() && o.events().isEmpty() && o.gasUsed() == 0);
      } else {
        // a kept transaction always writes its sender (sequence number, maybe the fee)
        assertTrue(o.writeSet().byAddress().containsKey(txns.get(i - 1).sender()), o.status().toString());
      }
    }
    ledger.checkSupply();
  }

  private static TransactionPayload payload(StandardScript s, Random r, TestLedger ledger) {
    List<TypeTag> ty = new ArrayList<>();
    int nTy = r.nextInt(4) == 0 ? r.nextInt(3) : (s.takesCurrency() ? 1 : 0);
    for (int i = 0; i < nTy; i++) {
      ty.add(r.nextInt(5) == 0 ? TypeTag.Primitive.U64 : TypeTag.currency(r.nextBoolean() ? "XUS" : "XDX"));
    }
    int nArgs = r.nextInt(5) == 0 ? r.nextInt(6) : s.params().size();
    if (s.functionName().isEmpty() || r.nextInt(3) == 0) {
      if (s.codeHash().isEmpty()) {
        return TransactionPayload.script(new Script(Bytes.of(new byte[] {1}), ty, List.of()));
      }
      List<TransactionArgument> args = new ArrayList<>();
      for (int i = 0; i < nArgs; i++) {
        StandardScript.Param p = i < s.params().size() && r.nextInt(6) != 0
            ? s.params().get(i) : StandardScript.Param.values()[r.nextInt(4)];
        args.add(switch (p) {
          case U64 -> new TransactionArgument.U64(r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(10_000));
          case ADDRESS -> new TransactionArgument.Address(address(r, ledger));
          case BYTES -> new TransactionArgument.U8Vector(Bytes.of(bytes(r, r.nextInt(40))));
          case BOOL -> new TransactionArgument.Bool(r.nextBoolean());
        });
      }
      return TransactionPayload.script(new Script(LegacyCode.of(s), ty, args));
    }
    List<Bytes> args = new ArrayList<>();
    for (int i = 0; i < nArgs; i++) {
      args.add(Bytes.of(r.nextInt(4) == 0 ? bytes(r, r.nextInt(20)) : wellFormed(s, i, r, ledger)));
    }
    return TransactionPayload.scriptFunction(new ScriptFunction(ModuleId.core(s.moduleName().orElseThrow()),
        new Identifier(s.functionName().orElseThrow()), ty, args));
  }

  private static byte[] wellFormed(StandardScript s, int i, Random r, TestLedger ledger) {
    var w = new io.astraea.crypto.bcs.BcsWriter();
    StandardScript.Param p = i < s.params().size() ? s.params().get(i) : StandardScript.Param.U64;
    switch (p) {
      case U64 -> w.writeU64(r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(10_000));
      case ADDRESS -> w.write(address(r, ledger));
      case BYTES -> w.writeBytes(bytes(r, r.nextBoolean() ? 16 : 32));
      case BOOL -> w.writeBool(r.nextBoolean());
    }
    return w.toByteArray();
  }

  private static AccountAddress address(Random r, TestLedger ledger) {
    return switch (r.nextInt(5)) {
      case 0 -> ledger.dealerAddress();
      case 1 -> ledger.user(r.nextInt(3));
      case 2 -> StateKeys.FEE_COLLECTOR;
      case 3 -> Keys.address(ledger.validator1);
      default -> AccountAddress.of(java.util.HexFormat.of().formatHex(bytes(r, 16)));
    };
  }

  private static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }
}
