package io.astraea.node.api;

/**
 * What every JSON-RPC response carries beside its result, so a client can tell how fresh the
 * answer is: Diem's {@code diem_chain_id}, {@code diem_ledger_version} and
 * {@code diem_ledger_timestampusec}.
 */
public record LedgerMetadata(int chainId, long ledgerVersion, long ledgerTimestampUsec) {}
