package io.astraea.ledger.execution;

import com.diem.stdlib.Helpers;
import io.astraea.ledger.types.Bytes;
import java.lang.reflect.Field;

/** Diem's compiled bytecode of a legacy standard script, read from the Diem client SDK. */
final class LegacyCode {
  private LegacyCode() {}

  static Bytes of(StandardScript s) {
    try {
      Field f = Helpers.class.getDeclaredField(s.name() + "_CODE");
      f.setAccessible(true);
      return Bytes.of((byte[]) f.get(null));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the SDK has no bytecode for " + s, e);
    }
  }
}
