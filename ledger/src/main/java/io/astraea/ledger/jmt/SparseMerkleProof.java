package io.astraea.ledger.jmt;

import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.bcs.HashCodec;
import java.util.List;
import java.util.Optional;

/**
 * A proof that a key has a given value, or none, under a root hash (Diem's {@code
 * SparseMerkleProof}). {@code leaf} is the leaf the search path ends at: the key's own leaf, a
 * different key's leaf sharing the path prefix, or absent when the path ends in an empty subtree.
 * {@code siblings} are the sibling hashes on the path, from the bottom level up to the root.
 *
 * <p>BCS: {@code Option<SparseMerkleLeafNode> || Vec<HashValue>}.
 */
public record SparseMerkleProof(Optional<SparseMerkleLeafNode> leaf, List<HashValue> siblings)
    implements BcsEncodable {
  public SparseMerkleProof {
    siblings = List.copyOf(siblings);
  }

  @Override
  public void serialize(BcsWriter w) {
    w.writeOption(leaf, (ww, l) -> l.serialize(ww));
    w.writeSeq(siblings, HashCodec::write);
  }

  public static SparseMerkleProof decode(BcsReader r) throws BcsException {
    r.enter();
    Optional<SparseMerkleLeafNode> leaf = r.readOption(SparseMerkleLeafNode::decode);
    List<HashValue> siblings = r.readSeq(HashCodec::decode);
    r.leave();
    return new SparseMerkleProof(leaf, siblings);
  }
}
