package io.astraea.ledger.state;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.ledger.types.ChainId;
import io.astraea.ledger.types.ValidatorSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The global resources, stored as one blob under {@link StateKeys#SYSTEM} ({@code 0x1}): the chain
 * id, the block clock (Diem's {@code DiemBlock} and {@code DiemTimestamp}), the epoch configuration
 * and validator set ({@code DiemConfig::Configuration}, {@code DiemSystem}), and the registered
 * currencies sorted by code. Its event streams are keyed under {@code 0x1}.
 */
public record SystemState(
    ChainId chainId,
    long blockHeight,
    long timestampUsecs,
    EventHandle newBlockEvents,
    long epoch,
    long lastReconfigurationTimeUsecs,
    EventHandle newEpochEvents,
    ValidatorSet validatorSet,
    SortedMap<String, CurrencyInfo> currencies,
    long eventCounter) {

  public SystemState {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(newBlockEvents, "newBlockEvents");
    Objects.requireNonNull(newEpochEvents, "newEpochEvents");
    Objects.requireNonNull(validatorSet, "validatorSet");
    currencies = Collections.unmodifiableSortedMap(new TreeMap<>(currencies));
  }

  public Optional<CurrencyInfo> currency(String code) {
    return Optional.ofNullable(currencies.get(code));
  }

  public SystemState withCurrency(CurrencyInfo info) {
    TreeMap<String, CurrencyInfo> c = new TreeMap<>(currencies);
    c.put(info.code(), info);
    return new SystemState(
        chainId, blockHeight, timestampUsecs, newBlockEvents, epoch, lastReconfigurationTimeUsecs,
        newEpochEvents, validatorSet, c, eventCounter);
  }

  public SystemState withBlock(long height, long timestamp, EventHandle blockEvents) {
    return new SystemState(
        chainId, height, timestamp, blockEvents, epoch, lastReconfigurationTimeUsecs,
        newEpochEvents, validatorSet, currencies, eventCounter);
  }

  public SystemState withValidatorSet(ValidatorSet set) {
    return new SystemState(
        chainId, blockHeight, timestampUsecs, newBlockEvents, epoch, lastReconfigurationTimeUsecs,
        newEpochEvents, set, currencies, eventCounter);
  }

  public SystemState withEpoch(long newEpoch, long reconfigurationTime, EventHandle epochEvents) {
    return new SystemState(
        chainId, blockHeight, timestampUsecs, newBlockEvents, newEpoch, reconfigurationTime,
        epochEvents, validatorSet, currencies, eventCounter);
  }

  /** The consensus view of the current epoch. */
  public EpochState epochState() {
    return validatorSet.toEpochState(epoch);
  }

  public static SystemState decode(BcsReader r) throws BcsException {
    ChainId chain = ChainId.decode(r);
    long height = r.readU64();
    long ts = r.readU64();
    EventHandle blockEvents = EventHandle.decode(r);
    long epoch = r.readU64();
    long lastReconfig = r.readU64();
    EventHandle epochEvents = EventHandle.decode(r);
    ValidatorSet set = ValidatorSet.decode(r);
    Map<String, CurrencyInfo> cur = r.readMap(BcsReader::readString, CurrencyInfo::decode);
    for (Map.Entry<String, CurrencyInfo> e : cur.entrySet()) {
      if (!e.getKey().equals(e.getValue().code())) {
        throw new BcsException("currency map key does not match its code", r.position());
      }
    }
    long counter = r.readU64();
    return new SystemState(
        chain, height, ts, blockEvents, epoch, lastReconfig, epochEvents, set,
        new TreeMap<>(cur), counter);
  }

  /** The last blob decoded and its value (immutable), shared by every thread. */
  private record Decoded(byte[] blob, SystemState state) {}

  private static volatile Decoded lastDecoded;

  /**
   * Decodes a system state blob. The blob changes once per block, but it is read far more often
   * (every block execution and every mempool admission), and decoding it means decoding the
   * validator set, whose keys are decompressed curve points; so the last decoded blob is kept
   * and an identical blob returns the same (immutable) value.
   */
  public static SystemState fromBcs(byte[] blob) throws BcsException {
    Decoded last = lastDecoded;
    if (last != null && Arrays.equals(last.blob(), blob)) {
      return last.state();
    }
    SystemState decoded = BcsReader.decode(blob, SystemState::decode);
    lastDecoded = new Decoded(blob.clone(), decoded);
    return decoded;
  }

  public void serialize(BcsWriter w) {
    w.write(chainId).writeU64(blockHeight).writeU64(timestampUsecs);
    newBlockEvents.serialize(w);
    w.writeU64(epoch).writeU64(lastReconfigurationTimeUsecs);
    newEpochEvents.serialize(w);
    w.write(validatorSet);
    w.writeMap(currencies, BcsWriter::writeString, (ww, c) -> c.serialize(ww));
    w.writeU64(eventCounter);
  }

  public byte[] toBcs() {
    BcsWriter w = new BcsWriter(512);
    serialize(w);
    return w.toByteArray();
  }

  /** The address under which the system's own event streams are keyed. */
  public static AccountAddress eventOwner() {
    return StateKeys.SYSTEM;
  }
}
