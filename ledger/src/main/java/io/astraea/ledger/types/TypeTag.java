package io.astraea.ledger.types;

import io.astraea.crypto.bcs.BcsEncodable;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.Objects;

/**
 * A Move type, as carried in script type arguments ({@code peer_to_peer_with_metadata<XUS>}) and
 * event type tags. Diem's variant order: 0 bool, 1 u8, 2 u64, 3 u128, 4 address, 5 signer,
 * 6 vector, 7 struct. Nesting is bounded by the reader's container depth.
 */
public sealed interface TypeTag extends BcsEncodable
    permits TypeTag.Primitive, TypeTag.Vector, TypeTag.Struct {

  int VARIANTS = 8;

  /** The six payload-free variants; the ordinal is the BCS variant index. */
  enum Primitive implements TypeTag {
    BOOL("bool"),
    U8("u8"),
    U64("u64"),
    U128("u128"),
    ADDRESS("address"),
    SIGNER("signer");

    private final String display;

    Primitive(String display) {
      this.display = display;
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(ordinal());
    }

    @Override
    public String toString() {
      return display;
    }
  }

  /** {@code vector<element>} (variant 6). */
  record Vector(TypeTag element) implements TypeTag {
    public Vector {
      Objects.requireNonNull(element, "element");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(6);
      element.serialize(w);
    }

    @Override
    public String toString() {
      return "vector<" + element + ">";
    }
  }

  /** A struct type such as {@code 0x1::XUS::XUS} (variant 7). */
  record Struct(StructTag tag) implements TypeTag {
    public Struct {
      Objects.requireNonNull(tag, "tag");
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(7);
      tag.serialize(w);
    }

    @Override
    public String toString() {
      return tag.toString();
    }
  }

  /** The type tag of a currency coin type, {@code 0x1::CODE::CODE} (e.g. XUS, XDX). */
  static TypeTag currency(String code) {
    Identifier id = new Identifier(code);
    return new Struct(new StructTag(ModuleId.CORE_CODE_ADDRESS, id, id, java.util.List.of()));
  }

  static TypeTag decode(BcsReader r) throws BcsException {
    r.enter();
    int v = r.readVariant(VARIANTS);
    TypeTag t =
        switch (v) {
          case 6 -> new Vector(decode(r));
          case 7 -> new Struct(StructTag.decode(r));
          default -> Primitive.values()[v];
        };
    r.leave();
    return t;
  }
}
