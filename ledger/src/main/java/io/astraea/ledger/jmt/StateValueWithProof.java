package io.astraea.ledger.jmt;

import java.util.Optional;

/** A key's value at a version (empty if the key has none) with the proof against that version's root. */
public record StateValueWithProof(Optional<byte[]> value, SparseMerkleProof proof) {}
