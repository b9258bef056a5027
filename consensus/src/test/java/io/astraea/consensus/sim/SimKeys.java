package io.astraea.consensus.sim;

import io.astraea.consensus.safety.ConsensusSigner;
import io.astraea.consensus.types.CachingSignatureChecker;
import io.astraea.consensus.types.SignatureChecker;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.CryptoMaterialException;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519Signature;
import io.astraea.crypto.Sha3;
import io.astraea.crypto.quorum.EpochState;
import io.astraea.crypto.quorum.ValidatorConsensusInfo;
import io.astraea.crypto.quorum.ValidatorVerifier;
import io.astraea.crypto.quorum.VerifyException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The validator keys of a simulated network. Keys are real Ed25519 keys derived from fixed seeds
 * (the validator set is the production type). Signing can be real Ed25519 or a keyed hash tag
 * that is a thousand times cheaper: large campaigns use the tag, since what they test is the
 * protocol, not the curve; a subset of scenarios runs with real Ed25519 end to end.
 */
public final class SimKeys {
  private static final Map<Integer, SimKeys> CACHE = new ConcurrentHashMap<>();

  private final List<AccountAddress> addresses;
  private final List<Ed25519PrivateKey> keys;
  private final Map<AccountAddress, byte[]> secrets = new TreeMap<>();
  private final ValidatorVerifier verifier;

  private SimKeys(int n) {
    addresses = new ArrayList<>();
    keys = new ArrayList<>();
    Map<AccountAddress, ValidatorConsensusInfo> infos = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      byte[] seed = Sha3.hash(("astraea-sim-validator-" + i).getBytes(StandardCharsets.UTF_8)).toBytes();
      byte[] addr = new byte[AccountAddress.LENGTH];
      addr[0] = (byte) 0xA5;
      addr[AccountAddress.LENGTH - 1] = (byte) (i + 1);
      try {
        Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(seed);
        AccountAddress a = AccountAddress.fromBytes(addr);
        addresses.add(a);
        keys.add(key);
        secrets.put(a, seed);
        infos.put(a, new ValidatorConsensusInfo(key.publicKey(), 1));
      } catch (CryptoMaterialException e) {
        throw new IllegalStateException(e);
      }
    }
    verifier = new ValidatorVerifier(infos);
  }

  public static SimKeys of(int n) {
    return CACHE.computeIfAbsent(n, SimKeys::new);
  }

  public int size() {
    return addresses.size();
  }

  public AccountAddress address(int i) {
    return addresses.get(i);
  }

  public List<AccountAddress> addresses() {
    return addresses;
  }

  public int indexOf(AccountAddress a) {
    return addresses.indexOf(a);
  }

  public ValidatorVerifier verifier() {
    return verifier;
  }

  public EpochState epochState(long epoch) {
    return new EpochState(epoch, verifier);
  }

  /** The signer of validator {@code i}: real Ed25519 or the keyed tag. */
  public ConsensusSigner signer(int i, boolean realCrypto) {
    AccountAddress a = addresses.get(i);
    if (realCrypto) {
      return ConsensusSigner.ed25519(a, keys.get(i));
    }
    byte[] secret = secrets.get(a);
    return new ConsensusSigner() {
      @Override
      public AccountAddress author() {
        return a;
      }

      @Override
      public Ed25519Signature sign(byte[] message) {
        return tag(secret, message);
      }
    };
  }

  /** The checker matching {@link #signer}: Ed25519 behind a cache, or the tag check. */
  public SignatureChecker checker(boolean realCrypto) {
    if (realCrypto) {
      return new CachingSignatureChecker(SignatureChecker.ed25519(), 4096);
    }
    SignatureChecker tags = (verifier, author, message, signature) -> {
      byte[] secret = secrets.get(author);
      if (secret == null || !verifier.contains(author)) {
        throw new VerifyException(VerifyException.Kind.UNKNOWN_AUTHOR, author.toHex());
      }
      if (!tag(secret, message).equals(signature)) {
        throw new VerifyException(VerifyException.Kind.INVALID_SIGNATURE, "by " + author.toHex());
      }
    };
    return new CachingSignatureChecker(tags, 0, 20_000);
  }

  /**
   * A keyed 64-bit tag (FNV-1a over secret and message, two lanes), stretched to 64 bytes. Not
   * a MAC an attacker could not forge, but simulated validators do not forge: the tag only has to
   * differ between keys and messages, and it costs a few hundred nanoseconds instead of an
   * Ed25519 signature's tens of microseconds.
   */
  private static Ed25519Signature tag(byte[] secret, byte[] message) {
    long a = 0xcbf29ce484222325L;
    long b = 0x84222325cbf29ce4L;
    for (byte x : secret) {
      a = (a ^ (x & 0xFF)) * 0x100000001b3L;
      b = (b ^ (x & 0xFF)) * 0x100000001b3L;
    }
    for (byte x : message) {
      a = (a ^ (x & 0xFF)) * 0x100000001b3L;
      b = (b + (x & 0xFF)) * 0x9E3779B97F4A7C15L;
    }
    byte[] out = new byte[64];
    for (int i = 0; i < 8; i++) {
      long v = a ^ (b * (i + 1)) ^ (0x9E3779B97F4A7C15L * i);
      for (int j = 0; j < 8; j++) {
        out[i * 8 + j] = (byte) (v >>> (8 * j));
      }
    }
    try {
      return Ed25519Signature.fromBytes(out);
    } catch (CryptoMaterialException e) {
      throw new IllegalStateException(e);
    }
  }
}
