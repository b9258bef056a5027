package io.astraea.crypto.bcs;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.MultiEd25519PublicKey;
import io.astraea.crypto.MultiEd25519Signature;
import io.astraea.crypto.bcs.BcsShape.Typed;
import io.astraea.crypto.quorum.BlockInfo;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.LedgerInfo;
import io.astraea.crypto.quorum.LedgerInfoWithSignatures;
import io.astraea.crypto.quorum.QuorumFixtures;
import io.astraea.crypto.quorum.ValidatorConsensusInfo;
import io.astraea.crypto.quorum.ValidatorVerifier;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Decoding hostile bytes fails only with {@link BcsException}: never an index, arithmetic,
 * allocation, argument or stack error. Inputs are arbitrary byte strings and mutations (flipped,
 * inserted, deleted bytes, truncation) of valid encodings, read by generic shapes and by every
 * protocol type decoder in this module.
 */
class BcsFuzzProperties {
  /** Every decoder of a protocol type in this module. */
  private static final List<BcsDecoder<?>> DOMAIN =
      List.of(
          AccountAddress::decode,
          Ed25519PublicKey::decode,
          Ed25519Signature::decode,
          MultiEd25519PublicKey::decode,
          MultiEd25519Signature::decode,
          HashCodec::decode,
          BlockInfo::decode,
          LedgerInfo::decode,
          LedgerInfoWithSignatures::decode,
          ValidatorVerifier::decode,
          ValidatorConsensusInfo::decode,
          EpochState::decode);

  /** Valid encodings of domain values, as seeds for mutation. */
  private static final List<byte[]> DOMAIN_SEEDS = domainSeeds();

  private static List<byte[]> domainSeeds() {
    List<QuorumFixtures.Validator> vs = QuorumFixtures.validators(1, 2, 3, 4);
    ValidatorVerifier verifier = QuorumFixtures.verifier(vs);
    LedgerInfo li = QuorumFixtures.ledgerInfo(3, Optional.of(new EpochState(4, verifier)));
    return List.of(
        QuorumFixtures.sign(li, vs).toBcs(),
        verifier.toBcs(),
        li.toBcs(),
        new EpochState(4, verifier).toBcs());
  }

  private static void decodeExpectingOnlyBcsException(byte[] input, BcsDecoder<?> decoder) {
    try {
      BcsReader.decode(input, decoder);
    } catch (BcsException expected) {
      // the one permitted failure
    }
  }

  /** A mutation applied to an input: op 0 flip, 1 insert, 2 delete, 3 truncate, 4 set 0xff. */
  record Mutation(int op, int position, byte value) {
    byte[] apply(byte[] in) {
      if (in.length == 0) {
        return new byte[] {value};
      }
      int at = Math.floorMod(position, in.length);
      switch (op) {
        case 0 -> {
          byte[] out = in.clone();
          out[at] ^= (byte) (value == 0 ? 1 : value);
          return out;
        }
        case 1 -> {
          byte[] out = new byte[in.length + 1];
          System.arraycopy(in, 0, out, 0, at);
          out[at] = value;
          System.arraycopy(in, at, out, at + 1, in.length - at);
          return out;
        }
        case 2 -> {
          byte[] out = new byte[in.length - 1];
          System.arraycopy(in, 0, out, 0, at);
          System.arraycopy(in, at + 1, out, at, in.length - at - 1);
          return out;
        }
        case 3 -> {
          return java.util.Arrays.copyOf(in, at);
        }
        default -> {
          byte[] out = in.clone();
          out[at] = (byte) 0xff;
          return out;
        }
      }
    }
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one =
        net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.bytes())
            .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<BcsShape> shapes() {
    return BcsShape.shapes(3);
  }

  @Provide
  Arbitrary<Typed> typed() {
    return BcsShape.typed(3);
  }

  @Property(tries = 400)
  void arbitraryBytesUnderGenericShapes(@ForAll @Size(max = 256) byte[] input, @ForAll("shapes") BcsShape shape) {
    decodeExpectingOnlyBcsException(input, shape::read);
  }

  @Property(tries = 300)
  void arbitraryBytesUnderEveryDomainDecoder(@ForAll @Size(max = 512) byte[] input) {
    for (BcsDecoder<?> d : DOMAIN) {
      decodeExpectingOnlyBcsException(input, d);
    }
  }

  @Property(tries = 250)
  void mutatedValidEncodingsUnderTheirShape(@ForAll("typed") Typed t, @ForAll("mutations") List<Mutation> ms) {
    byte[] bytes = t.shape().encode(t.value());
    for (Mutation m : ms) {
      bytes = m.apply(bytes);
    }
    decodeExpectingOnlyBcsException(bytes, t.shape()::read);
  }

  @Property(tries = 300)
  void mutatedDomainEncodingsUnderEveryDomainDecoder(
      @ForAll("mutations") List<Mutation> ms, @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 3) int seed) {
    byte[] bytes = DOMAIN_SEEDS.get(seed);
    for (Mutation m : ms) {
      bytes = m.apply(bytes);
    }
    for (BcsDecoder<?> d : DOMAIN) {
      decodeExpectingOnlyBcsException(bytes, d);
    }
  }
}
