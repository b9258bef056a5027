package io.astraea.bench.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.RawTransaction;
import io.astraea.ledger.types.Script;
import io.astraea.ledger.types.SignedTransaction;
import io.astraea.ledger.types.TransactionArgument;
import io.astraea.ledger.types.TypeTag;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * BCS encode and decode of a signed {@code peer_to_peer_with_metadata<XUS>} transaction (an
 * Ed25519-signed script with four arguments and a 16-byte metadata), the form in which every
 * payment crosses the network, the mempool and storage. Also the transaction hash, which the
 * mempool and storage compute once per transaction. Signature checks are not included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransactionCodecBenchmark {
  /** Stands in for the peer_to_peer_with_metadata bytecode: same order of size (~300 bytes). */
  private static final int SCRIPT_CODE_LENGTH = 300;

  private SignedTransaction txn;
  private byte[] encoded;

  @Setup
  public void setUp() throws CryptoMaterialException {
    byte[] seed = new byte[32];
    seed[0] = 1;
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(seed);
    seed[0] = 2;
    AccountAddress receiver =
        AuthenticationKey.ed25519(Ed25519PrivateKey.fromSeed(seed).publicKey()).derivedAddress();
    byte[] code = new byte[SCRIPT_CODE_LENGTH];
    for (int i = 0; i < code.length; i++) {
      code[i] = (byte) (i * 31);
    }
    Script script =
        new Script(
            Bytes.of(code),
            List.of(TypeTag.currency("XUS")),
            List.of(
                new TransactionArgument.Address(receiver),
                new TransactionArgument.U64(1_000_000),
                new TransactionArgument.U8Vector(Bytes.of(new byte[16])),
                new TransactionArgument.U8Vector(Bytes.EMPTY)));
    RawTransaction raw =
        RawTransaction.builder()
            .sender(AuthenticationKey.ed25519(key.publicKey()).derivedAddress())
            .sequenceNumber(42)
            .script(script)
            .maxGasAmount(1_000_000)
            .gasUnitPrice(0)
            .gasCurrencyCode("XUS")
            .expirationTimestampSecs(1_900_000_000L)
            .chainId(ChainId.TESTING)
            .build();
    txn = raw.sign(key);
    encoded = txn.toBcs();
  }

  @Benchmark
  public byte[] encode() {
    return txn.toBcs();
  }

  @Benchmark
  public SignedTransaction decode() throws BcsException {
    return SignedTransaction.fromBcs(encoded);
  }

  @Benchmark
  public HashValue hash() {
    return txn.hash();
  }
}
