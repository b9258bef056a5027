package io.astraea.crypto.bcs;

/** Reads one value of {@code T} from a reader, positioned at its first byte. */
@FunctionalInterface
public interface BcsDecoder<T> {
  T decode(BcsReader r) throws BcsException;
}
