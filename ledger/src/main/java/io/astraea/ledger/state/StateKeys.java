package io.astraea.ledger.state;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where things live in the state tree. Every value is stored under {@code sha3_256(address)}, so
 * the tree is keyed by hashed account addresses exactly as in Diem; global resources live under
 * reserved addresses that no key can control.
 */
public final class StateKeys {
  /** Holds the {@link SystemState}: chain id, block clock, epoch and validator set, currencies. */
  public static final AccountAddress SYSTEM = AccountAddress.of("0x1");
  /** The association root account; its key may be a k-of-n MultiEd25519 key of the members. */
  public static final AccountAddress ASSOCIATION_ROOT = AccountAddress.of("0xA550C18");
  /** The treasury-compliance account: mints to designated dealers, burns, freezes. */
  public static final AccountAddress TREASURY_COMPLIANCE = AccountAddress.of("0xB1E55ED");
  /** Collects every transaction fee, per currency. No key controls it. */
  public static final AccountAddress FEE_COLLECTOR = AccountAddress.of("0xFEE");
  /** The proposer of a NIL block (a block made from a timeout certificate). */
  public static final AccountAddress NIL_PROPOSER = AccountAddress.of("0x0");

  /** The access path under which genesis writes an account's {@link AccountState} blob. */
  public static final String ACCOUNT_PATH = "AccountState";
  /** The access path under which genesis writes the {@link SystemState} blob at {@link #SYSTEM}. */
  public static final String SYSTEM_PATH = "SystemState";

  /**
   * Recently hashed addresses, direct-mapped by the address's hash code. A block hashes each
   * account it touches several times (to read it, to key its writes, for the fee account in every
   * transaction). Slots are replaced whole, so a racing reader sees an old or a new pair, never a
   * torn one; a collision only costs a hash. 2^18 slots (a 1 MiB array, plus the pairs) keep
   * about 80% of 100,000 active accounts in their own slot; 2^16 kept about half.
   */
  private static final int KEY_CACHE_SLOTS = 1 << 18;

  private static final AtomicReferenceArray<CachedKey> KEY_CACHE = new AtomicReferenceArray<>(KEY_CACHE_SLOTS);

  private record CachedKey(AccountAddress address, HashValue key) {}

  private StateKeys() {}

  /** The state tree key of an account: {@code sha3_256(address)}. */
  public static HashValue accountKey(AccountAddress address) {
    int slot = address.hashCode() & (KEY_CACHE_SLOTS - 1);
    CachedKey c = KEY_CACHE.getPlain(slot);
    if (c != null && c.address().equals(address)) {
      return c.key();
    }
    HashValue key = Sha3.hash(address.toBytes());
    KEY_CACHE.setPlain(slot, new CachedKey(address, key));
    return key;
  }

  /** Whether an address is reserved for the system and can never be created by a transaction. */
  public static boolean isReserved(AccountAddress address) {
    return address.equals(SYSTEM)
        || address.equals(ASSOCIATION_ROOT)
        || address.equals(TREASURY_COMPLIANCE)
        || address.equals(FEE_COLLECTOR)
        || address.equals(NIL_PROPOSER);
  }
}
