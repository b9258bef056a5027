package io.astraea.ledger.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.diem.AuthKey;
import com.diem.Signer;
import com.diem.stdlib.Helpers;
import com.diem.utils.AccountAddressUtils;
import com.diem.utils.HashUtils;
import com.novi.serde.DeserializationError;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.MultiEd25519PrivateKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

/**
 * Wire compatibility with the official Diem Java SDK (com.diem:client-sdk-java 1.0.5): the bytes,
 * addresses, signing messages, hashes and signatures each side produces are accepted, byte for
 * byte, by the other.
 */
class DiemSdkCompatibilityTest {
  private static final byte[] SENDER_SEED = seed(7);
  private static final byte[] RECEIVER_SEED = seed(42);
  private static final long AMOUNT = 1_234_567L;
  private static final byte[] METADATA = "invoice-17".getBytes(StandardCharsets.UTF_8);

  private static byte[] seed(int base) {
    byte[] s = new byte[32];
    for (int i = 0; i < s.length; i++) {
      s[i] = (byte) (base + i * 3);
    }
    return s;
  }

  private static com.diem.Ed25519PrivateKey sdkKey(byte[] seed) {
    return new com.diem.Ed25519PrivateKey(new Ed25519PrivateKeyParameters(seed, 0));
  }

  private static com.diem.types.TypeTag sdkXus() {
    com.diem.types.AccountAddress core = AccountAddressUtils.create("00000000000000000000000000000001");
    return new com.diem.types.TypeTag.Struct(
        new com.diem.types.StructTag(
            core,
            new com.diem.types.Identifier("XUS"),
            new com.diem.types.Identifier("XUS"),
            List.of()));
  }

  /** A peer_to_peer_with_metadata<XUS> transaction built and signed entirely by the SDK. */
  private static com.diem.types.SignedTransaction sdkSignedPeerToPeer() {
    com.diem.Ed25519PrivateKey key = sdkKey(SENDER_SEED);
    com.diem.types.AccountAddress sender = AuthKey.ed25519(key.publicKey()).accountAddress();
    com.diem.types.AccountAddress receiver =
        AuthKey.ed25519(sdkKey(RECEIVER_SEED).publicKey()).accountAddress();
    com.diem.types.Script script =
        Helpers.encode_peer_to_peer_with_metadata_script(
            sdkXus(),
            receiver,
            AMOUNT,
            new com.novi.serde.Bytes(METADATA),
            com.novi.serde.Bytes.empty());
    com.diem.types.RawTransaction raw =
        new com.diem.types.RawTransaction(
            sender,
            12L,
            new com.diem.types.TransactionPayload.Script(script),
            1_000_000L,
            0L,
            "XUS",
            1_900_000_000L,
            new com.diem.types.ChainId((byte) 4));
    return Signer.sign(key, raw);
  }

  @Test
  void sdkTransactionDecodesAndReencodesIdentically() throws Exception {
    com.diem.types.SignedTransaction sdk = sdkSignedPeerToPeer();
    byte[] bytes = sdk.bcsSerialize();

    SignedTransaction txn = SignedTransaction.fromBcs(bytes);

    assertArrayEquals(bytes, txn.toBcs());
    assertArrayEquals(sdk.raw_txn.bcsSerialize(), txn.rawTxn().toBcs());
    assertEquals(sdkHex(AccountAddressUtils.hex(sdk.raw_txn.sender)), txn.sender().toHex());
    assertEquals(12L, txn.sequenceNumber());
    assertEquals("XUS", txn.rawTxn().gasCurrencyCode());
    assertEquals(new ChainId(4), txn.rawTxn().chainId());
    assertEquals(1_900_000_000L, txn.rawTxn().expirationTimestampSecs());
    Script script = assertInstanceOf(TransactionPayload.OfScript.class, txn.payload()).script();
    assertEquals(List.of(TypeTag.currency("XUS")), script.tyArgs());
    assertEquals(4, script.args().size());
    assertEquals(new TransactionArgument.U64(AMOUNT), script.args().get(1));
    assertEquals(
        new TransactionArgument.U8Vector(Bytes.of(METADATA)), script.args().get(2));
    com.diem.types.Script sdkScript =
        ((com.diem.types.TransactionPayload.Script) sdk.raw_txn.payload).value;
    assertArrayEquals(sdkScript.code.content(), script.code().toArray());
  }

  @Test
  void sameAuthenticationKeyAndAddressFromThePublicKey() throws Exception {
    com.diem.Ed25519PrivateKey sdk = sdkKey(SENDER_SEED);
    Ed25519PrivateKey ours = Ed25519PrivateKey.fromSeed(SENDER_SEED);
    assertArrayEquals(sdk.publicKey(), ours.publicKey().toBytes());

    AuthKey sdkAuth = AuthKey.ed25519(sdk.publicKey());
    AuthenticationKey auth = AuthenticationKey.ed25519(Ed25519PublicKey.fromBytes(sdk.publicKey()));
    assertEquals(sdkHex(sdkAuth.hex()), auth.toHex());
    assertEquals(sdkHex(AccountAddressUtils.hex(sdkAuth.accountAddress())), auth.derivedAddress().toHex());
    assertArrayEquals(sdkAuth.prefix().content(), auth.prefix());

    SignedTransaction txn = SignedTransaction.fromBcs(sdkSignedPeerToPeer().bcsSerialize());
    assertEquals(auth, txn.authenticationKey());
  }

  @Test
  void sameSigningMessageHashAndVerifiedSignature() throws Exception {
    com.diem.types.SignedTransaction sdk = sdkSignedPeerToPeer();
    SignedTransaction txn = SignedTransaction.fromBcs(sdk.bcsSerialize());

    assertArrayEquals(HashUtils.signatureMessage(sdk.raw_txn), txn.rawTxn().signingMessage());
    assertEquals(sdkHex(HashUtils.transactionHash(sdk)), txn.hash().toHex());
    assertTrue(txn.checkSignature().isValid());

    // Ed25519 is deterministic: signing the decoded transaction ourselves gives the SDK's bytes.
    SignedTransaction resigned = txn.rawTxn().sign(Ed25519PrivateKey.fromSeed(SENDER_SEED));
    assertArrayEquals(sdk.bcsSerialize(), resigned.toBcs());
  }

  @Test
  void alteredSdkTransactionFailsSignatureCheck() throws Exception {
    byte[] bytes = sdkSignedPeerToPeer().bcsSerialize();
    bytes[AccountAddress.LENGTH] ^= 1; // first byte of the sequence number
    SignedTransaction txn = SignedTransaction.fromBcs(bytes);
    SignatureCheck check = txn.checkSignature();
    assertFalse(check.isValid());
    assertEquals(
        StatusCode.INVALID_SIGNATURE,
        assertInstanceOf(SignatureCheck.Invalid.class, check).status());
  }

  private static RawTransaction ourPeerToPeer(AccountAddress sender) throws Exception {
    com.diem.types.Script sdkScript =
        ((com.diem.types.TransactionPayload.Script) sdkSignedPeerToPeer().raw_txn.payload).value;
    AccountAddress receiver =
        AuthenticationKey.ed25519(Ed25519PrivateKey.fromSeed(RECEIVER_SEED).publicKey())
            .derivedAddress();
    Script script =
        new Script(
            Bytes.of(sdkScript.code.content()),
            List.of(TypeTag.currency("XUS")),
            List.of(
                new TransactionArgument.Address(receiver),
                new TransactionArgument.U64(AMOUNT),
                new TransactionArgument.U8Vector(Bytes.of(METADATA)),
                new TransactionArgument.U8Vector(Bytes.EMPTY)));
    return RawTransaction.builder()
        .sender(sender)
        .sequenceNumber(99)
        .script(script)
        .maxGasAmount(600_000)
        .gasUnitPrice(1)
        .gasCurrencyCode("XUS")
        .expirationTimestampSecs(1_800_000_123L)
        .chainId(ChainId.TESTNET)
        .build();
  }

  @Test
  void sdkDecodesAndVerifiesWhatWeSign() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(SENDER_SEED);
    AccountAddress sender = AuthenticationKey.ed25519(key.publicKey()).derivedAddress();
    SignedTransaction ours = ourPeerToPeer(sender).sign(key);
    byte[] bytes = ours.toBcs();

    com.diem.types.SignedTransaction sdk = com.diem.types.SignedTransaction.bcsDeserialize(bytes);

    assertArrayEquals(bytes, sdk.bcsSerialize());
    assertEquals(99L, sdk.raw_txn.sequence_number);
    assertEquals((byte) 2, sdk.raw_txn.chain_id.value);
    assertEquals(sender.toHex(), sdkHex(AccountAddressUtils.hex(sdk.raw_txn.sender)));
    assertEquals(ours.hash().toHex(), sdkHex(HashUtils.transactionHash(sdk)));
    assertArrayEquals(ours.rawTxn().signingMessage(), HashUtils.signatureMessage(sdk.raw_txn));

    com.diem.types.TransactionAuthenticator.Ed25519 auth =
        (com.diem.types.TransactionAuthenticator.Ed25519) sdk.authenticator;
    assertTrue(
        bouncyCastleVerify(
            auth.public_key.value.content(),
            HashUtils.signatureMessage(sdk.raw_txn),
            auth.signature.value.content()));
    assertEquals(
        sdkHex(AuthKey.ed25519(auth.public_key.value.content()).hex()), ours.authenticationKey().toHex());
  }

  @Test
  void sdkDecodesOurMultiEd25519Transaction() throws Exception {
    List<Ed25519PrivateKey> members = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      members.add(Ed25519PrivateKey.fromSeed(seed(100 + i)));
    }
    MultiEd25519PrivateKey root = MultiEd25519PrivateKey.of(members, 2);
    AccountAddress sender = AccountAddress.of("0xA550C18");
    SignedTransaction ours = ourPeerToPeer(sender).sign(root);
    byte[] bytes = ours.toBcs();

    com.diem.types.SignedTransaction sdk = com.diem.types.SignedTransaction.bcsDeserialize(bytes);
    assertArrayEquals(bytes, sdk.bcsSerialize());
    assertEquals(ours.hash().toHex(), sdkHex(HashUtils.transactionHash(sdk)));

    com.diem.types.TransactionAuthenticator.MultiEd25519 auth =
        (com.diem.types.TransactionAuthenticator.MultiEd25519) sdk.authenticator;
    byte[] keys = auth.public_key.value.content();
    byte[] sigs = auth.signature.value.content();
    assertEquals(3 * 32 + 1, keys.length);
    assertEquals(2, keys[96]);
    byte[] message = HashUtils.signatureMessage(sdk.raw_txn);
    // Bitmap 0b11000000...: keys 0 and 1 signed, in that order.
    assertArrayEquals(new byte[] {(byte) 0xC0, 0, 0, 0}, java.util.Arrays.copyOfRange(sigs, 128, 132));
    for (int i = 0; i < 2; i++) {
      assertTrue(
          bouncyCastleVerify(
              java.util.Arrays.copyOfRange(keys, i * 32, i * 32 + 32),
              message,
              java.util.Arrays.copyOfRange(sigs, i * 64, i * 64 + 64)));
    }
    assertTrue(SignedTransaction.fromBcs(bytes).checkSignature().isValid());
  }

  @Test
  void sdkReleasePredatesScriptFunctionPayloads() throws Exception {
    // The 1.0.5 SDK knows payload variants 0..2 only; Astraea also decodes Diem's variant 3.
    RawTransaction raw =
        RawTransaction.builder()
            .sender(AccountAddress.of("0x1234"))
            .scriptFunction(
                new ScriptFunction(
                    ModuleId.core("PaymentScripts"),
                    new Identifier("peer_to_peer_with_metadata"),
                    List.of(TypeTag.currency("XUS")),
                    List.of(Bytes.of(new byte[16]), Bytes.of(new BigInteger("10").toByteArray()))))
            .chainId(ChainId.TESTING)
            .build();
    byte[] bytes = raw.toBcs();
    assertThrows(
        DeserializationError.class, () -> com.diem.types.RawTransaction.bcsDeserialize(bytes));
    assertEquals(raw, RawTransaction.fromBcs(bytes));
  }

  /** The SDK prints hex in upper case; Astraea (like Diem's JSON-RPC) in lower case. */
  private static String sdkHex(String hex) {
    return hex.toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean bouncyCastleVerify(byte[] publicKey, byte[] message, byte[] signature) {
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }
}
