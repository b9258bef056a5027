package io.astraea.ledger.execution;

import java.util.EnumMap;
import java.util.Map;

/**
 * Gas bounds and costs. The intrinsic part and the bounds are Diem's constants: 600 units cover
 * the first 600 bytes of the raw transaction, each further byte costs 8; at most 4,000,000 units,
 * a unit price of at most 10,000, and a raw transaction of at most 4,096 bytes. On top of it each
 * script has a fixed cost standing in for the Move instructions it would have run.
 */
public record GasSchedule(
    long minTransactionGasUnits,
    long largeTransactionCutoff,
    long intrinsicGasPerByte,
    long maximumNumberOfGasUnits,
    long minPricePerGasUnit,
    long maxPricePerGasUnit,
    long maxTransactionSizeInBytes,
    Map<StandardScript, Long> scriptCosts) {

  public GasSchedule {
    EnumMap<StandardScript, Long> copy = new EnumMap<>(StandardScript.class);
    copy.putAll(scriptCosts);
    for (StandardScript s : StandardScript.values()) {
      if (!copy.containsKey(s)) {
        throw new IllegalArgumentException("no gas cost for " + s);
      }
    }
    scriptCosts = java.util.Collections.unmodifiableMap(copy);
  }

  /** Diem's bounds with Astraea's per-script costs. */
  public static GasSchedule standard() {
    EnumMap<StandardScript, Long> c = new EnumMap<>(StandardScript.class);
    for (StandardScript s : StandardScript.values()) {
      c.put(s, 1_000L);
    }
    c.put(StandardScript.PEER_TO_PEER_WITH_METADATA, 400L);
    c.put(StandardScript.ROTATE_AUTHENTICATION_KEY, 200L);
    c.put(StandardScript.PREBURN, 400L);
    c.put(StandardScript.CREATE_CHILD_VASP_ACCOUNT, 900L);
    c.put(StandardScript.CREATE_PARENT_VASP_ACCOUNT, 900L);
    c.put(StandardScript.CREATE_DESIGNATED_DEALER, 900L);
    c.put(StandardScript.ADD_VALIDATOR_AND_RECONFIGURE, 2_000L);
    c.put(StandardScript.REMOVE_VALIDATOR_AND_RECONFIGURE, 2_000L);
    c.put(StandardScript.SET_VALIDATOR_CONFIG_AND_RECONFIGURE, 2_000L);
    return new GasSchedule(600, 600, 8, 4_000_000, 0, 10_000, 4_096, c);
  }

  /** Gas for carrying a raw transaction of {@code size} bytes. */
  public long intrinsicGas(long size) {
    long extra = size > largeTransactionCutoff ? (size - largeTransactionCutoff) * intrinsicGasPerByte : 0;
    return minTransactionGasUnits + extra;
  }

  public long scriptCost(StandardScript s) {
    return scriptCosts.get(s);
  }
}
