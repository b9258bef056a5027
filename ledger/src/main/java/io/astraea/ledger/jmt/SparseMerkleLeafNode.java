package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.bcs.HashCodec;
import java.util.Objects;

/** The leaf a proof ends at: a key and its value's hash (Diem's {@code SparseMerkleLeafNode}). */
public record SparseMerkleLeafNode(HashValue key, HashValue valueHash) {
  public SparseMerkleLeafNode {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(valueHash, "valueHash");
  }

  public void serialize(BcsWriter w) {
    HashCodec.write(w, key);
    HashCodec.write(w, valueHash);
  }

  public static SparseMerkleLeafNode decode(BcsReader r) throws BcsException {
    return new SparseMerkleLeafNode(HashCodec.decode(r), HashCodec.decode(r));
  }
}
