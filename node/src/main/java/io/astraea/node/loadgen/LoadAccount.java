package io.astraea.node.loadgen;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.Ed25519PrivateKey;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One sending account of a load run: its key, its sequence numbers, and when each of its
 * outstanding transfers was submitted (so the commit watcher can measure submit-to-commit).
 */
final class LoadAccount {
  private final Ed25519PrivateKey key;
  private final AuthenticationKey authKey;
  private final AccountAddress address;
  private AccountSequencer sequencer;
  /** Sequence number -> System.nanoTime() just before its first submission. */
  private final ConcurrentSkipListMap<Long, Long> submittedAt = new ConcurrentSkipListMap<>();

  LoadAccount(Ed25519PrivateKey key) {
    this.key = key;
    this.authKey = AuthenticationKey.ed25519(key.publicKey());
    this.address = authKey.derivedAddress();
  }

  Ed25519PrivateKey key() {
    return key;
  }

  AuthenticationKey authKey() {
    return authKey;
  }

  AccountAddress address() {
    return address;
  }

  void startAt(long sequenceNumber, int window) {
    sequencer = new AccountSequencer(sequenceNumber, window);
  }

  AccountSequencer sequencer() {
    return sequencer;
  }

  void submitting(long seq, long nanos) {
    submittedAt.put(seq, nanos);
  }

  /** Forgets {@code seq} and returns its submission time, or null if it was not outstanding. */
  Long committed(long seq) {
    return submittedAt.remove(seq);
  }

  /** The oldest outstanding submission, or null. */
  Map.Entry<Long, Long> oldest() {
    return submittedAt.firstEntry();
  }

  /** Forgets {@code seq} and every later outstanding number; returns how many were outstanding. */
  int abandonFrom(long seq) {
    Map<Long, Long> tail = submittedAt.tailMap(seq, true);
    int n = tail.size();
    tail.clear();
    return n;
  }

  /** Removes and returns how many transfers were outstanding. */
  int abandonAll() {
    int n = submittedAt.size();
    submittedAt.clear();
    return n;
  }

  int outstanding() {
    return submittedAt.size();
  }
}
