package io.astraea.ledger.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.MultiEd25519PrivateKey;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of ledger types for property tests. */
final class TypeArbitraries {
  private TypeArbitraries() {}

  /** A few fixed keys: key generation is slow compared with encoding. */
  private static final List<Ed25519PrivateKey> KEYS = keys();

  private static List<Ed25519PrivateKey> keys() {
    try {
      Ed25519PrivateKey[] out = new Ed25519PrivateKey[4];
      for (int i = 0; i < out.length; i++) {
        byte[] seed = new byte[32];
        seed[0] = (byte) (i + 1);
        out[i] = Ed25519PrivateKey.fromSeed(seed);
      }
      return List.of(out);
    } catch (CryptoMaterialException e) {
      throw new IllegalStateException(e);
    }
  }

  static Arbitrary<byte[]> rawBytes(int max) {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(max);
  }

  static Arbitrary<Bytes> bytes(int max) {
    return rawBytes(max).map(Bytes::of);
  }

  static Arbitrary<AccountAddress> addresses() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofSize(AccountAddress.LENGTH)
        .map(
            b -> {
              try {
                return AccountAddress.fromBytes(b);
              } catch (CryptoMaterialException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  static Arbitrary<HashValue> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).map(HashValue::wrap);
  }

  static Arbitrary<Identifier> identifiers() {
    Arbitrary<String> head = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').ofLength(1);
    Arbitrary<String> tail =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('A', 'Z')
            .withCharRange('0', '9')
            .withChars('_')
            .ofMaxLength(12);
    return Combinators.combine(head, tail).as(String::concat).map(Identifier::new);
  }

  static Arbitrary<TypeTag> typeTags() {
    return typeTags(3);
  }

  private static Arbitrary<TypeTag> typeTags(int depth) {
    Arbitrary<TypeTag> leaf = Arbitraries.of(TypeTag.Primitive.values()).map(p -> (TypeTag) p);
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<TypeTag> vector = Arbitraries.lazy(() -> typeTags(depth - 1)).map(TypeTag.Vector::new);
    Arbitrary<TypeTag> struct =
        Combinators.combine(
                addresses(),
                identifiers(),
                identifiers(),
                Arbitraries.lazy(() -> typeTags(depth - 1)).list().ofMaxSize(2))
            .as((a, m, n, p) -> (TypeTag) new TypeTag.Struct(new StructTag(a, m, n, p)));
    return Arbitraries.frequencyOf(tuple(4, leaf), tuple(1, vector), tuple(1, struct));
  }

  private static Tuple.Tuple2<Integer, Arbitrary<? extends TypeTag>> tuple(
      int weight, Arbitrary<? extends TypeTag> a) {
    return Tuple.of(weight, a);
  }

  static Arbitrary<TransactionArgument> arguments() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 255).map(TransactionArgument.U8::new),
        Arbitraries.longs().map(TransactionArgument.U64::new),
        Arbitraries.bigIntegers()
            .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE))
            .map(TransactionArgument.U128::new),
        addresses().map(TransactionArgument.Address::new),
        bytes(40).map(TransactionArgument.U8Vector::new),
        Arbitraries.of(true, false).map(TransactionArgument.Bool::new));
  }

  static Arbitrary<Script> scripts() {
    return Combinators.combine(bytes(64), typeTags().list().ofMaxSize(2), arguments().list().ofMaxSize(4))
        .as(Script::new);
  }

  static Arbitrary<ScriptFunction> scriptFunctions() {
    return Combinators.combine(
            addresses(), identifiers(), identifiers(), typeTags().list().ofMaxSize(2), bytes(24).list().ofMaxSize(4))
        .as((a, m, f, t, args) -> new ScriptFunction(new ModuleId(a, m), f, t, args));
  }

  static Arbitrary<EventKey> eventKeys() {
    return Combinators.combine(Arbitraries.longs(), addresses()).as(EventKey::new);
  }

  static Arbitrary<ContractEvent> events() {
    return Combinators.combine(eventKeys(), Arbitraries.longs(), typeTags(), bytes(48))
        .as(ContractEvent::new);
  }

  static Arbitrary<WriteSet> writeSets() {
    Arbitrary<WriteOp> op =
        Arbitraries.oneOf(Arbitraries.just(WriteOp.DELETION), bytes(32).map(WriteOp.Value::new));
    Arbitrary<WriteSet.Entry> entry =
        Combinators.combine(addresses(), bytes(20), op)
            .as((a, p, o) -> new WriteSet.Entry(new AccessPath(a, p), o));
    return entry.list().ofMaxSize(4).map(WriteSet::new);
  }

  static Arbitrary<WriteSetPayload> writeSetPayloads() {
    return Arbitraries.oneOf(
        Combinators.combine(writeSets(), events().list().ofMaxSize(2))
            .as((w, e) -> (WriteSetPayload) new WriteSetPayload.Direct(new ChangeSet(w, e))),
        Combinators.combine(addresses(), scripts()).as(WriteSetPayload.ExecuteScript::new));
  }

  static Arbitrary<TransactionPayload> payloads() {
    return Arbitraries.oneOf(
        writeSetPayloads().map(TransactionPayload.OfWriteSet::new),
        scripts().map(TransactionPayload.OfScript::new),
        bytes(64).map(b -> new TransactionPayload.OfModule(new Module(b))),
        scriptFunctions().map(TransactionPayload.OfScriptFunction::new));
  }

  static Arbitrary<RawTransaction> rawTransactions() {
    Arbitrary<String> currency = Arbitraries.of("XUS", "XDX", "Coin1");
    return Combinators.combine(
            addresses(),
            Arbitraries.longs(),
            payloads(),
            Arbitraries.longs(),
            Arbitraries.longs(),
            currency,
            Arbitraries.longs(),
            Arbitraries.integers().between(0, 255).map(ChainId::new))
        .as(RawTransaction::new);
  }

  /** Signed with one of the fixed keys, Ed25519 or 2-of-3 MultiEd25519. */
  static Arbitrary<SignedTransaction> signedTransactions() {
    return Combinators.combine(rawTransactions(), Arbitraries.integers().between(0, 4))
        .as(
            (raw, k) -> {
              if (k < KEYS.size()) {
                return raw.sign(KEYS.get(k));
              }
              try {
                return raw.sign(MultiEd25519PrivateKey.of(KEYS.subList(0, 3), 2));
              } catch (CryptoMaterialException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  static Arbitrary<BlockMetadata> blockMetadata() {
    return Combinators.combine(
            hashes(), Arbitraries.longs(), Arbitraries.longs(), addresses().list().ofMaxSize(4), addresses())
        .as(BlockMetadata::new);
  }

  static Arbitrary<Transaction> transactions() {
    return Arbitraries.oneOf(
        signedTransactions().map(Transaction.UserTransaction::new),
        writeSetPayloads().map(Transaction.GenesisTransaction::new),
        blockMetadata().map(Transaction.BlockMetadataTransaction::new));
  }

  static Arbitrary<AbortLocation> abortLocations() {
    return Arbitraries.oneOf(
        Arbitraries.just(AbortLocation.SCRIPT),
        Combinators.combine(addresses(), identifiers()).as((a, n) -> AbortLocation.module(new ModuleId(a, n))));
  }

  static Arbitrary<KeptVmStatus> keptStatuses() {
    Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
    return Arbitraries.oneOf(
        Arbitraries.of(KeptVmStatus.EXECUTED, KeptVmStatus.OUT_OF_GAS, KeptVmStatus.MISCELLANEOUS_ERROR),
        Combinators.combine(abortLocations(), Arbitraries.longs()).as(KeptVmStatus.MoveAbort::new),
        Combinators.combine(abortLocations(), u16, u16).as(KeptVmStatus.ExecutionFailure::new));
  }

  static Arbitrary<TransactionInfo> transactionInfos() {
    return Combinators.combine(hashes(), hashes(), hashes(), Arbitraries.longs(), keptStatuses())
        .as(TransactionInfo::new);
  }
}
