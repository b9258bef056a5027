package io.astraea.ledger.types;

import io.astraea.crypto.CryptoHasher;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Objects;

/**
 * An entry of the ledger. Diem's variant order: 0 user transaction, 1 genesis transaction (a
 * write-set payload), 2 block metadata. Its {@code DIEM::Transaction} hash is what a
 * {@link TransactionInfo} binds and what clients look a transaction up by.
 */
public sealed interface Transaction extends BcsEncodable {
  CryptoHasher HASHER = CryptoHasher.forType("Transaction");
  int VARIANTS = 3;

  default HashValue hash() {
    return HASHER.hash(toBcs());
  }

  record UserTransaction(SignedTransaction transaction) implements Transaction {
    public UserTransaction {
      Objects.requireNonNull(transaction, "transaction");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(0).write(transaction);
    }

    /** The signed transaction's own (computed once) hash: the same bytes, the same hasher. */
    @Override
    public HashValue hash() {
      return transaction.hash();
    }
  }

  record GenesisTransaction(WriteSetPayload payload) implements Transaction {
    public GenesisTransaction {
      Objects.requireNonNull(payload, "payload");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(1).write(payload);
    }
  }

  record BlockMetadataTransaction(BlockMetadata metadata) implements Transaction {
    public BlockMetadataTransaction {
      Objects.requireNonNull(metadata, "metadata");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(2).write(metadata);
    }
  }

  static Transaction decode(BcsReader r) throws BcsException {
    return switch (r.readVariant(VARIANTS)) {
      case 0 -> new UserTransaction(SignedTransaction.decode(r));
      case 1 -> new GenesisTransaction(WriteSetPayload.decode(r));
      default -> new BlockMetadataTransaction(BlockMetadata.decode(r));
    };
  }

  /** Decodes exactly one transaction; trailing bytes are an error. */
  static Transaction fromBcs(byte[] bytes) throws BcsException {
    return BcsReader.decode(bytes, Transaction::decode);
  }
}
