package io.astraea.ledger.storage;

import io.astraea.ledger.types.ContractEvent;

/** An event with the version of the transaction that emitted it and its index among that transaction's events. */
public record EventWithVersion(long transactionVersion, int eventIndex, ContractEvent event) {}
