package io.astraea.node.ledger;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.HashValue;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a commit changed for the mempool: each sender's next sequence number after the committed
 * user transactions, the hashes of committed user transactions, and the hashes of user
 * transactions the committed blocks carried but execution discarded (they can never commit as
 * they are).
 */
public record CommittedTransactions(
    SortedMap<AccountAddress, Long> nextSequenceNumbers,
    List<HashValue> committed,
    List<HashValue> discarded,
    long latestVersion) {
  public CommittedTransactions {
    nextSequenceNumbers = Collections.unmodifiableSortedMap(new TreeMap<>(nextSequenceNumbers));
    committed = List.copyOf(committed);
    discarded = List.copyOf(discarded);
  }
}
