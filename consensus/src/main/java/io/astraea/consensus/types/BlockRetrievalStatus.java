package io.astraea.consensus.types;

/** Outcome of a block retrieval, in Diem's variant order. */
public enum BlockRetrievalStatus {
  SUCCEEDED,
  ID_NOT_FOUND,
  NOT_ENOUGH_BLOCKS
}
