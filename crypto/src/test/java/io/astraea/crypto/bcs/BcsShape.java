package io.astraea.crypto.bcs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * A BCS type description with its own encoder, decoder and value generator, so properties can
 * range over arbitrarily nested shapes: integers, bool, strings, byte vectors, fixed arrays,
 * sequences, options, maps, enums and structs.
 */
interface BcsShape {
  BigInteger U128_MAX = BigInteger.TWO.pow(128).subtract(BigInteger.ONE);

  /** Writes {@code value}, which must be of this shape. */
  void write(BcsWriter w, Object value);

  /** Reads a value of this shape. */
  Object read(BcsReader r) throws BcsException;

  /** Generates values of this shape. */
  Arbitrary<?> generator();

  default Arbitrary<Object> values() {
    return generator().map(v -> (Object) v);
  }

  default byte[] encode(Object value) {
    BcsWriter w = new BcsWriter();
    write(w, value);
    return w.toByteArray();
  }

  /** A byte string value (records compare by content, arrays would not). */
  record Bin(String hex) {
    static Bin of(byte[] b) {
      return new Bin(HexFormat.of().formatHex(b));
    }

    byte[] bytes() {
      return HexFormat.of().parseHex(hex);
    }
  }

  /** An enum value: variant index and payload. */
  record Variant(int index, Object payload) {}

  record U8() implements BcsShape {
    public void write(BcsWriter w, Object v) {
      w.writeU8((Integer) v);
    }

    public Object read(BcsReader r) throws BcsException {
      return r.readU8();
    }

    public Arbitrary<?> generator() {
      return Arbitraries.integers().between(0, 255);
    }
  }

  record U16() implements BcsShape {
    public void write(BcsWriter w, Object v) {
      w.writeU16((Integer) v);
    }

    public Object read(BcsReader r) throws BcsException {
      return r.readU16();
    }

    public Arbitrary<?> generator() {
      return Arbitraries.integers().between(0, 65535);
    }
  }

  record U32() implements BcsShape {
    public void write(BcsWriter w, Object v) {
      w.writeU32((Long) v);
    }

    public Object read(BcsReader r) throws BcsException {
      return r.readU32();
    }

    public Arbitrary<?> generator() {
      return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
    }
  }

  record U64() implements BcsShape {
    public void write(BcsWriter w, Object v) {
      w.writeU64((Long) v);
    }

    public Object read(BcsReader r) throws BcsException {
      return r.readU64();
    }

    public Arbitrary<?> generator() {
      return Arbitraries.longs();
    }
  }

  record U128() implements BcsShape {
    public void write(BcsWriter w, Object v) {
      w.writeU128((BigInteger) v);
    }

    public Object read(BcsReader r) throws BcsException {
      return r.readU128();
    }

    public Arbitrary<?> generator() {
      return Arbitraries.bigIntegers().between(BigInteger.ZERO, U128_MAX);
    }
  }

  record Bool() implements BcsShape {
    public void write(BcsWriter w, Object v) {
      w.writeBool((Boolean) v);
    }

    public Object read(BcsReader r) throws BcsException {
      return r.readBool();
    }

    public Arbitrary<?> generator() {
      return Arbitraries.of(true, false);
    }
  }

  record Str() implements BcsShape {
    public void write(BcsWriter w, Object v) {
      w.writeString((String) v);
    }

    public Object read(BcsReader r) throws BcsException {
      return r.readString();
    }

    public Arbitrary<?> generator() {
      return strings();
    }
  }

  record Bytes() implements BcsShape {
    public void write(BcsWriter w, Object v) {
      w.writeBytes(((Bin) v).bytes());
    }

    public Object read(BcsReader r) throws BcsException {
      return Bin.of(r.readBytes());
    }

    public Arbitrary<?> generator() {
      return Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(Bin::of);
    }
  }

  record Fixed(int length) implements BcsShape {
    public void write(BcsWriter w, Object v) {
      w.writeFixedBytes(((Bin) v).bytes());
    }

    public Object read(BcsReader r) throws BcsException {
      return Bin.of(r.readFixedBytes(length));
    }

    public Arbitrary<?> generator() {
      return Arbitraries.bytes().array(byte[].class).ofSize(length).map(Bin::of);
    }
  }

  record Seq(BcsShape element) implements BcsShape {
    @SuppressWarnings("unchecked")
    public void write(BcsWriter w, Object v) {
      w.writeSeq((List<Object>) v, element::write);
    }

    public Object read(BcsReader r) throws BcsException {
      return r.readSeq(element::read);
    }

    public Arbitrary<?> generator() {
      return element.values().list().ofMaxSize(4);
    }
  }

  record Opt(BcsShape element) implements BcsShape {
    @SuppressWarnings("unchecked")
    public void write(BcsWriter w, Object v) {
      w.writeOption((Optional<Object>) v, element::write);
    }

    public Object read(BcsReader r) throws BcsException {
      return r.readOption(element::read);
    }

    public Arbitrary<?> generator() {
      return element.values().optional(0.6);
    }
  }

  record MapOf(BcsShape key, BcsShape value) implements BcsShape {
    @SuppressWarnings("unchecked")
    public void write(BcsWriter w, Object v) {
      w.writeMap((Map<Object, Object>) v, key::write, value::write);
    }

    public Object read(BcsReader r) throws BcsException {
      return r.readMap(key::read, value::read);
    }

    public Arbitrary<?> generator() {
      return Arbitraries.maps(key.values(), value.values()).ofMaxSize(4);
    }
  }

  record Enum(List<BcsShape> variants) implements BcsShape {
    public void write(BcsWriter w, Object v) {
      Variant variant = (Variant) v;
      w.writeVariant(variant.index());
      variants.get(variant.index()).write(w, variant.payload());
    }

    public Object read(BcsReader r) throws BcsException {
      int index = r.readVariant(variants.size());
      r.enter();
      Object payload = variants.get(index).read(r);
      r.leave();
      return new Variant(index, payload);
    }

    public Arbitrary<?> generator() {
      List<Arbitrary<Variant>> alts = new ArrayList<>();
      for (int i = 0; i < variants.size(); i++) {
        int index = i;
        alts.add(variants.get(i).values().map(p -> new Variant(index, p)));
      }
      return Arbitraries.oneOf(alts);
    }
  }

  record Struct(List<BcsShape> fields) implements BcsShape {
    @SuppressWarnings("unchecked")
    public void write(BcsWriter w, Object v) {
      List<Object> values = (List<Object>) v;
      for (int i = 0; i < values.size(); i++) {
        fields.get(i).write(w, values.get(i));
      }
    }

    public Object read(BcsReader r) throws BcsException {
      r.enter();
      List<Object> values = new ArrayList<>();
      for (BcsShape f : fields) {
        values.add(f.read(r));
      }
      r.leave();
      return values;
    }

    public Arbitrary<?> generator() {
      Arbitrary<List<Object>> acc = Arbitraries.just(List.of());
      for (BcsShape f : fields) {
        acc =
            Combinators.combine(acc, f.values())
                .as(
                    (l, v) -> {
                      List<Object> next = new ArrayList<>(l);
                      next.add(v);
                      return next;
                    });
      }
      return acc;
    }
  }

  /** Strings over all of Unicode except the surrogate range (which UTF-8 cannot carry). */
  static Arbitrary<String> strings() {
    Arbitrary<Integer> cp =
        Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
            Tuple.of(2, Arbitraries.integers().between(0, 0xD7FF)),
            Tuple.of(1, Arbitraries.integers().between(0xE000, 0x10FFFF)));
    return cp.list()
        .ofMaxSize(8)
        .map(
            l -> {
              StringBuilder b = new StringBuilder();
              l.forEach(b::appendCodePoint);
              return b.toString();
            });
  }

  static Arbitrary<BcsShape> leaves() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            new U8(), new U16(), new U32(), new U64(), new U128(), new Bool(), new Str(), new Bytes()),
        // From 1: a zero-sized element could not sit in a sequence, whose declared length the
        // reader bounds by the remaining input (every protocol type encodes to at least a byte).
        Arbitraries.integers().between(1, 40).map(Fixed::new));
  }

  /** Shapes nested up to {@code depth} containers deep. */
  static Arbitrary<BcsShape> shapes(int depth) {
    Arbitrary<BcsShape> leaves = leaves();
    if (depth == 0) {
      return leaves;
    }
    Arbitrary<BcsShape> inner = Arbitraries.lazy(() -> shapes(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(2, leaves),
        Tuple.of(2, inner.map(Seq::new)),
        Tuple.of(2, inner.map(Opt::new)),
        Tuple.of(2, Combinators.combine(leaves, inner).as(MapOf::new)),
        Tuple.of(1, inner.list().ofMinSize(1).ofMaxSize(4).map(Enum::new)),
        Tuple.of(1, inner.list().ofMinSize(1).ofMaxSize(4).map(Struct::new)));
  }

  /** A shape together with a value of it. */
  record Typed(BcsShape shape, Object value) {}

  static Arbitrary<Typed> typed(int depth) {
    return shapes(depth).flatMap(s -> s.values().map(v -> new Typed(s, v)));
  }
}
