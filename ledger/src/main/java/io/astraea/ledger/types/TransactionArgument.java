package io.astraea.ledger.types;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A typed argument of a {@link Script}. Diem's variant order: 0 u8, 1 u64, 2 u128, 3 address,
 * 4 vector&lt;u8&gt;, 5 bool.
 */
public sealed interface TransactionArgument extends BcsEncodable {
  int VARIANTS = 6;

  record U8(int value) implements TransactionArgument {
    public U8 {
      if (value < 0 || value > 255) {
        throw new IllegalArgumentException("u8 out of range: " + value);
      }
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(0).writeU8(value);
    }
  }

  /** A u64; the {@code long} holds the same 64 bits (compare with unsigned methods). */
  record U64(long value) implements TransactionArgument {
    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(1).writeU64(value);
    }

    @Override
    public String toString() {
      return "U64[" + Long.toUnsignedString(value) + "]";
    }
  }

  record U128(BigInteger value) implements TransactionArgument {
    private static final int BITS = 128;

    public U128 {
      if (value.signum() < 0 || value.bitLength() > BITS) {
        throw new IllegalArgumentException("u128 out of range: " + value);
      }
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(2).writeU128(value);
    }
  }

  record Address(AccountAddress value) implements TransactionArgument {
    public Address {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(3).write(value);
    }
  }

  record U8Vector(Bytes value) implements TransactionArgument {
    public U8Vector {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(4).write(value);
    }
  }

  record Bool(boolean value) implements TransactionArgument {
    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(5).writeBool(value);
    }
  }

  static TransactionArgument decode(BcsReader r) throws BcsException {
    return switch (r.readVariant(VARIANTS)) {
      case 0 -> new U8(r.readU8());
      case 1 -> new U64(r.readU64());
      case 2 -> new U128(r.readU128());
      case 3 -> new Address(AccountAddress.decode(r));
      case 4 -> new U8Vector(Bytes.decode(r));
      default -> new Bool(r.readBool());
    };
  }
}
