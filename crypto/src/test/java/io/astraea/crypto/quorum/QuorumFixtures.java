package io.astraea.crypto.quorum;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.Sha3;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Deterministic validator sets and signed ledger infos for tests. */
public final class QuorumFixtures {
  private QuorumFixtures() {}

  /** A validator: address, key and voting power. */
  public record Validator(AccountAddress address, Ed25519PrivateKey key, long power) {}

  /** Validators with the given voting powers, keys from fixed seeds. */
  public static List<Validator> validators(long... powers) {
    List<Validator> out = new ArrayList<>();
    for (int i = 0; i < powers.length; i++) {
      byte[] seed = Sha3.hash(("validator-" + i).getBytes(StandardCharsets.UTF_8)).toBytes();
      try {
        Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(seed);
        out.add(new Validator(AccountAddress.fromHex("0x" + (i + 1) + "0000"), key, powers[i]));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  public static ValidatorVerifier verifier(List<Validator> validators) {
    Map<AccountAddress, ValidatorConsensusInfo> infos = new TreeMap<>();
    for (Validator v : validators) {
      infos.put(v.address(), new ValidatorConsensusInfo(v.key().publicKey(), v.power()));
    }
    return new ValidatorVerifier(infos);
  }

  /** A ledger info at {@code epoch}, ending the epoch with {@code next} if present. */
  public static LedgerInfo ledgerInfo(long epoch, Optional<EpochState> next) {
    BlockInfo info =
        new BlockInfo(
            epoch,
            7,
            Sha3.hash("block".getBytes(StandardCharsets.UTF_8)),
            Sha3.hash("state".getBytes(StandardCharsets.UTF_8)),
            42,
            1_600_000_000_000_000L,
            next);
    return new LedgerInfo(info, HashValue.ZERO);
  }

  /** Signs {@code li} with each of {@code signers}. */
  public static LedgerInfoWithSignatures sign(LedgerInfo li, List<Validator> signers) {
    Map<AccountAddress, Ed25519Signature> sigs = new TreeMap<>();
    for (Validator v : signers) {
      sigs.put(v.address(), v.key().sign(li.signingMessage()));
    }
    return LedgerInfoWithSignatures.of(li, sigs);
  }
}
