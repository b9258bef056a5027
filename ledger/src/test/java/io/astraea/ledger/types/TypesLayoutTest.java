package io.astraea.ledger.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Byte layouts checked against hand-assembled encodings of Diem's format descriptions
 * ({@code diem.yaml}, {@code consensus.yaml}), plus the strictness rules decoding enforces.
 */
class TypesLayoutTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final AccountAddress ONE = AccountAddress.of("0x1");

  private static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] hex(String h) {
    return HEX.parseHex(h);
  }

  private static byte[] str(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return cat(new byte[] {(byte) b.length}, b);
  }

  @Test
  void scriptFunctionPayloadIsVariantThreeWithDiemFieldOrder() throws Exception {
    ScriptFunction f =
        new ScriptFunction(
            ModuleId.core("PaymentScripts"),
            new Identifier("peer_to_peer_with_metadata"),
            List.of(TypeTag.currency("XUS")),
            List.of(Bytes.fromHex("aabb"), Bytes.EMPTY));
    byte[] expected =
        cat(
            hex("03"), // TransactionPayload::ScriptFunction
            ONE.toBytes(),
            str("PaymentScripts"),
            str("peer_to_peer_with_metadata"),
            hex("01"), // one type argument
            hex("07"), // TypeTag::Struct
            ONE.toBytes(),
            str("XUS"),
            str("XUS"),
            hex("00"), // no type params
            hex("02"), // two args
            hex("02aabb"),
            hex("00"));
    TransactionPayload payload = TransactionPayload.scriptFunction(f);
    assertArrayEquals(expected, payload.toBcs());
    assertEquals(payload, BcsReader.decode(expected, TransactionPayload::decode));
    assertEquals("0x1::PaymentScripts::peer_to_peer_with_metadata", f.qualifiedName());
  }

  @Test
  void typeTagVariantIndicesFollowDiem() throws Exception {
    TypeTag[] order = {
      TypeTag.Primitive.BOOL, TypeTag.Primitive.U8, TypeTag.Primitive.U64, TypeTag.Primitive.U128,
      TypeTag.Primitive.ADDRESS, TypeTag.Primitive.SIGNER
    };
    for (int i = 0; i < order.length; i++) {
      assertArrayEquals(new byte[] {(byte) i}, order[i].toBcs());
    }
    assertArrayEquals(hex("0601"), new TypeTag.Vector(TypeTag.Primitive.U8).toBcs());
    assertThrows(BcsException.class, () -> BcsReader.decode(hex("08"), TypeTag::decode));
    assertEquals("vector<0x1::XUS::XUS>", new TypeTag.Vector(TypeTag.currency("XUS")).toString());
  }

  @Test
  void deeplyNestedTypeTagIsATypedErrorNotAStackOverflow() {
    byte[] deep = new byte[100_001];
    java.util.Arrays.fill(deep, (byte) 6); // vector<vector<...
    deep[deep.length - 1] = 0;
    BcsException e =
        assertThrows(BcsException.class, () -> BcsReader.decode(deep, TypeTag::decode));
    assertTrue(e.getMessage().contains("depth"), e.getMessage());
  }

  @Test
  void identifierSyntaxIsCheckedOnConstructionAndDecode() {
    for (String ok : List.of("XUS", "a", "_a", "__", "peer_to_peer_with_metadata", "A1_b2", "<SELF>")) {
      assertTrue(Identifier.isValid(ok), ok);
    }
    for (String bad : List.of("", "_", "1abc", "a-b", "a b", "é", "a::b", "<SELF")) {
      assertFalse(Identifier.isValid(bad), bad);
      assertThrows(IllegalArgumentException.class, () -> new Identifier(bad));
      BcsWriter w = new BcsWriter();
      w.writeString(bad);
      assertThrows(BcsException.class, () -> BcsReader.decode(w.toByteArray(), Identifier::decode));
    }
  }

  @Test
  void eventKeyIsCreationNumberLittleEndianThenAddress() throws Exception {
    AccountAddress addr = AccountAddress.of("0xA550C18");
    EventKey key = new EventKey(0x0102L, addr);
    byte[] raw = key.toBytes();
    assertArrayEquals(cat(hex("0201000000000000"), addr.toBytes()), raw);
    assertArrayEquals(cat(hex("18"), raw), key.toBcs());
    assertEquals(key, EventKey.fromHex(key.toHex()));
    assertThrows(
        BcsException.class,
        () -> BcsReader.decode(cat(hex("17"), new byte[23]), EventKey::decode));
  }

  @Test
  void contractEventCarriesTheV0Tag() throws Exception {
    ContractEvent e =
        new ContractEvent(
            new EventKey(3, ONE), 9, TypeTag.Primitive.U64, Bytes.fromHex("0a00000000000000"));
    byte[] expected =
        cat(
            hex("00"),
            hex("18"),
            e.key().toBytes(),
            hex("0900000000000000"),
            hex("02"),
            hex("080a00000000000000"));
    assertArrayEquals(expected, e.toBcs());
    assertEquals(e, ContractEvent.fromBcs(expected));
    assertThrows(BcsException.class, () -> ContractEvent.fromBcs(cat(hex("01"), expected)));
  }

  @Test
  void transactionInfoLayoutAndStatusVariants() throws Exception {
    HashValue a = HashValue.sha3Of(new byte[] {1});
    HashValue b = HashValue.sha3Of(new byte[] {2});
    HashValue c = HashValue.sha3Of(new byte[] {3});
    KeptVmStatus abort =
        new KeptVmStatus.MoveAbort(AbortLocation.module(ModuleId.core("DiemAccount")), 5);
    TransactionInfo info = new TransactionInfo(a, b, c, 600, abort);
    byte[] expected =
        cat(
            hex("20"), a.toBytes(), hex("20"), b.toBytes(), hex("20"), c.toBytes(),
            hex("5802000000000000"),
            hex("02"), // MoveAbort
            hex("00"), // AbortLocation::Module
            ONE.toBytes(),
            str("DiemAccount"),
            hex("0500000000000000"));
    assertArrayEquals(expected, info.toBcs());
    assertEquals(info, TransactionInfo.fromBcs(expected));

    assertArrayEquals(hex("00"), KeptVmStatus.EXECUTED.toBcs());
    assertArrayEquals(hex("01"), KeptVmStatus.OUT_OF_GAS.toBcs());
    assertArrayEquals(
        hex("03" + "01" + "0200" + "0300"),
        new KeptVmStatus.ExecutionFailure(AbortLocation.SCRIPT, 2, 3).toBcs());
    assertArrayEquals(hex("04"), KeptVmStatus.MISCELLANEOUS_ERROR.toBcs());
    assertThrows(BcsException.class, () -> BcsReader.decode(hex("05"), KeptVmStatus::decode));
    assertFalse(info.hash().equals(new TransactionInfo(a, b, c, 601, abort).hash()));
  }

  @Test
  void transactionVariantsAndHashPrefix() throws Exception {
    BlockMetadata meta =
        new BlockMetadata(HashValue.sha3Of(new byte[] {9}), 7, 1_000_000, List.of(ONE), ONE);
    Transaction t = new Transaction.BlockMetadataTransaction(meta);
    byte[] bytes = t.toBcs();
    assertEquals(2, bytes[0]);
    assertEquals(0x20, bytes[1]);
    assertEquals(t, Transaction.fromBcs(bytes));
    // hash = sha3(sha3("DIEM::Transaction") || bcs)
    byte[] prefix = HashValue.sha3Of("DIEM::Transaction".getBytes(StandardCharsets.UTF_8)).toBytes();
    assertEquals(HashValue.sha3Of(cat(prefix, bytes)), t.hash());

    Transaction genesis =
        new Transaction.GenesisTransaction(
            new WriteSetPayload.Direct(new ChangeSet(WriteSet.EMPTY, List.of())));
    assertArrayEquals(hex("01" + "00" + "00" + "00"), genesis.toBcs());
    assertThrows(BcsException.class, () -> Transaction.fromBcs(hex("03")));
  }

  @Test
  void rawTransactionSigningMessageUsesRawTransactionPrefix() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(new byte[32]);
    Script script = new Script(Bytes.fromHex("a11ceb0b"), List.of(), List.of());
    RawTransaction raw =
        RawTransaction.builder()
            .sender(ONE)
            .sequenceNumber(1)
            .script(script)
            .chainId(ChainId.TESTING)
            .build();
    byte[] prefix =
        HashValue.sha3Of("DIEM::RawTransaction".getBytes(StandardCharsets.UTF_8)).toBytes();
    assertArrayEquals(cat(prefix, raw.toBcs()), raw.signingMessage());
    SignedTransaction signed = raw.sign(key);
    assertTrue(signed.checkSignature().isValid());
    assertEquals(signed, SignedTransaction.fromBcs(signed.toBcs()));
    assertThrows(
        BcsException.class, () -> SignedTransaction.fromBcs(cat(signed.toBcs(), hex("00"))));
    SignedTransaction forged =
        new SignedTransaction(
            RawTransaction.builder()
                .sender(ONE)
                .sequenceNumber(2)
                .script(script)
                .chainId(ChainId.TESTING)
                .build(),
            signed.authenticator());
    assertFalse(forged.checkSignature().isValid());
  }

  @Test
  void smallOrderPublicKeyInAuthenticatorIsRejectedOnDecode() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(new byte[32]);
    RawTransaction raw =
        RawTransaction.builder()
            .sender(ONE)
            .script(new Script(Bytes.EMPTY, List.of(), List.of()))
            .chainId(ChainId.TESTING)
            .build();
    byte[] bytes = raw.sign(key).toBcs();
    int keyAt = raw.toBcs().length + 2; // variant tag, then the key's length byte
    byte[] identity = new byte[32];
    identity[0] = 1; // the neutral point: small order
    System.arraycopy(identity, 0, bytes, keyAt, 32);
    assertThrows(BcsException.class, () -> SignedTransaction.fromBcs(bytes));
  }

  @Test
  void statusCodesUseDiemNumbers() {
    assertEquals(1, StatusCode.INVALID_SIGNATURE.code());
    assertEquals(2, StatusCode.INVALID_AUTH_KEY.code());
    assertEquals(3, StatusCode.SEQUENCE_NUMBER_TOO_OLD.code());
    assertEquals(4, StatusCode.SEQUENCE_NUMBER_TOO_NEW.code());
    assertEquals(5, StatusCode.INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE.code());
    assertEquals(6, StatusCode.TRANSACTION_EXPIRED.code());
    assertEquals(7, StatusCode.SENDING_ACCOUNT_DOES_NOT_EXIST.code());
    assertEquals(18, StatusCode.SENDING_ACCOUNT_FROZEN.code());
    assertEquals(23, StatusCode.BAD_CHAIN_ID.code());
    assertEquals(4016, StatusCode.ABORTED.code());
    assertEquals(StatusCode.Type.VALIDATION, StatusCode.BAD_CHAIN_ID.type());
    assertEquals(StatusCode.Type.EXECUTION, StatusCode.OUT_OF_GAS.type());
    assertEquals(StatusCode.Type.UNKNOWN, StatusCode.UNKNOWN_STATUS.type());
    assertEquals(StatusCode.BAD_CHAIN_ID, StatusCode.fromCode(23).orElseThrow());
    assertTrue(StatusCode.fromCode(999_999).isEmpty());
  }

  @Test
  void validatorSetLayoutAndChecks() throws Exception {
    Ed25519PrivateKey consensus = Ed25519PrivateKey.fromSeed(new byte[32]);
    Ed25519PrivateKey network = Ed25519PrivateKey.fromSeed(hex("01".repeat(32)));
    NetworkAddress addr = new NetworkAddress("10.0.0.7", 6180, network.publicKey());
    ValidatorConfig config = ValidatorConfig.of(consensus.publicKey(), List.of(addr), List.of());
    ValidatorInfo v = new ValidatorInfo(AccountAddress.of("0xAB"), 10, config);
    ValidatorSet set = new ValidatorSet(List.of(v));
    byte[] bytes = set.toBcs();
    byte[] expected =
        cat(
            hex("00"), // ConsensusScheme::Ed25519
            hex("01"),
            AccountAddress.of("0xAB").toBytes(),
            hex("0a00000000000000"),
            hex("20"),
            consensus.publicKey().toBytes(),
            config.validatorNetworkAddresses().toBcs(),
            hex("0100")); // fullnode addresses: BCS of an empty sequence, as one byte vector
    assertArrayEquals(expected, bytes);
    ValidatorSet back = BcsReader.decode(bytes, ValidatorSet::decode);
    assertEquals(set, back);
    assertEquals(List.of(addr), back.validators().get(0).config().validatorAddresses());
    assertEquals("10.0.0.7:6180", addr.toString());
    assertEquals(10, set.toEpochState(3).verifier().totalVotingPower());

    assertThrows(IllegalArgumentException.class, () -> new ValidatorSet(List.of(v, v)));
    BcsWriter dup = new BcsWriter();
    dup.writeVariant(0).writeSeq(List.of(v, v));
    assertThrows(BcsException.class, () -> BcsReader.decode(dup.toByteArray(), ValidatorSet::decode));
    assertThrows(
        IllegalArgumentException.class, () -> new NetworkAddress("bad host", 1, network.publicKey()));
    assertThrows(
        IllegalArgumentException.class, () -> new NetworkAddress("h", 0, network.publicKey()));
  }

  @Test
  void multiEd25519AuthenticatorBelowThresholdIsInvalid() throws Exception {
    List<Ed25519PrivateKey> members = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] seed = new byte[32];
      seed[0] = (byte) (50 + i);
      members.add(Ed25519PrivateKey.fromSeed(seed));
    }
    io.astraea.crypto.MultiEd25519PrivateKey key =
        io.astraea.crypto.MultiEd25519PrivateKey.of(members, 2);
    RawTransaction raw =
        RawTransaction.builder()
            .sender(AccountAddress.of("0xA550C18"))
            .script(new Script(Bytes.EMPTY, List.of(), List.of()))
            .chainId(ChainId.TESTING)
            .build();
    SignedTransaction ok = raw.sign(key);
    assertTrue(ok.checkSignature().isValid());
    assertEquals(
        io.astraea.crypto.AuthenticationKey.fromScheme(
            key.publicKey().toBytes(), io.astraea.crypto.AuthenticationKey.SCHEME_MULTI_ED25519),
        ok.authenticationKey());

    SignedTransaction oneSigner =
        new SignedTransaction(
            raw,
            new TransactionAuthenticator.MultiEd25519(
                key.publicKey(), key.sign(raw.signingMessage(), List.of(2))));
    SignatureCheck check = oneSigner.checkSignature();
    assertFalse(check.isValid());
    assertTrue(((SignatureCheck.Invalid) check).reason().contains("threshold"), check.toString());
    assertEquals(oneSigner, SignedTransaction.fromBcs(oneSigner.toBcs()));
  }
}
