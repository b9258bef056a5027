package io.astraea.ledger.execution;

import static io.astraea.ledger.execution.PaymentTest.kept;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.diem.stdlib.Helpers;
import com.diem.utils.AccountAddressUtils;
import com.novi.serde.Bytes;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.HashValue;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.ledger.state.StateKeys;
import io.astraea.ledger.types.KeptVmStatus;
import io.astraea.ledger.types.Script;
import io.astraea.ledger.types.TransactionPayload;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The script registry against Diem's own client SDK: the hard-coded hashes are the SHA3-256 of
 * the SDK's compiled scripts, and scripts the SDK encodes resolve to the right call and run.
 */
class StandardScriptTest {
  private static byte[] sdkCode(StandardScript s) throws ReflectiveOperationException {
    Field f = Helpers.class.getDeclaredField(s.name() + "_CODE");
    f.setAccessible(true);
    return (byte[]) f.get(null);
  }

  private static com.diem.types.TypeTag sdkCurrency(String code) {
    return new com.diem.types.TypeTag.Struct(new com.diem.types.StructTag(
        AccountAddressUtils.create("00000000000000000000000000000001"),
        new com.diem.types.Identifier(code), new com.diem.types.Identifier(code), List.of()));
  }

  private static com.diem.types.AccountAddress sdkAddress(AccountAddress a) {
    return AccountAddressUtils.create(a.toHex());
  }

  private static Script ours(com.diem.types.Script sdk) throws Exception {
    return BcsReader.decode(sdk.bcsSerialize(), Script::decode);
  }

  @Test
  void hardCodedHashesAreTheSha3OfTheSdkBytecode() throws Exception {
    int legacy = 0;
    for (StandardScript s : StandardScript.values()) {
      if (s.codeHash().isPresent()) {
        assertEquals(s.codeHash().get(), HashValue.sha3Of(sdkCode(s)), s.name());
        assertEquals(s, StandardScript.byCodeHash(HashValue.sha3Of(sdkCode(s))).orElseThrow());
        legacy++;
      }
    }
    assertEquals(19, legacy);
  }

  @Test
  void sdkEncodedScriptsResolveWithTheirArguments() throws Exception {
    AccountAddress payee = AccountAddress.of("0x1234");
    Script p2p = ours(Helpers.encode_peer_to_peer_with_metadata_script(
        sdkCurrency("XUS"), sdkAddress(payee), 77L, new Bytes(new byte[] {9}), Bytes.empty()));
    ScriptCall call = ((ScriptResolution.Call) ScriptResolver.resolve(TransactionPayload.script(p2p))).call();
    assertEquals(StandardScript.PEER_TO_PEER_WITH_METADATA, call.script());
    assertEquals("XUS", call.currencyCode());
    assertEquals(payee, call.address(0));
    assertEquals(77L, call.u64(1));
    assertEquals(io.astraea.ledger.types.Bytes.of(new byte[] {9}), call.bytes(2));

    Script mint = ours(Helpers.encode_tiered_mint_script(sdkCurrency("XUS"), 3L, sdkAddress(payee), 500L, 1L));
    ScriptCall m = ((ScriptResolution.Call) ScriptResolver.resolve(TransactionPayload.script(mint))).call();
    assertEquals(List.of(3L, payee, 500L, 1L), m.values());

    Script add = ours(Helpers.encode_add_validator_and_reconfigure_script(
        5L, new Bytes("v".getBytes()), sdkAddress(payee)));
    assertEquals(StandardScript.ADD_VALIDATOR_AND_RECONFIGURE,
        ((ScriptResolution.Call) ScriptResolver.resolve(TransactionPayload.script(add))).call().script());

    Script child = ours(Helpers.encode_create_child_vasp_account_script(
        sdkCurrency("XUS"), sdkAddress(payee), new Bytes(new byte[16]), true, 10L));
    assertEquals(List.of(payee, io.astraea.ledger.types.Bytes.of(new byte[16]), true, 10L),
        ((ScriptResolution.Call) ScriptResolver.resolve(TransactionPayload.script(child))).call().values());
  }

  @Test
  void wrongArgumentsToALegacyScriptAreMalformed() throws Exception {
    Script p2p = ours(Helpers.encode_peer_to_peer_with_metadata_script(
        sdkCurrency("XUS"), sdkAddress(AccountAddress.of("0x5")), 1L, Bytes.empty(), Bytes.empty()));
    Script swapped = new Script(p2p.code(), p2p.tyArgs(), List.of(p2p.args().get(1), p2p.args().get(0),
        p2p.args().get(2), p2p.args().get(3)));
    assertInstanceOf(ScriptResolution.Malformed.class, ScriptResolver.resolve(TransactionPayload.script(swapped)));
    Script noType = new Script(p2p.code(), List.of(), p2p.args());
    assertInstanceOf(ScriptResolution.Malformed.class, ScriptResolver.resolve(TransactionPayload.script(noType)));
    Script vectorType = new Script(p2p.code(), List.of(new io.astraea.ledger.types.TypeTag.Vector(
        io.astraea.ledger.types.TypeTag.Primitive.U8)), p2p.args());
    assertInstanceOf(ScriptResolution.Malformed.class, ScriptResolver.resolve(TransactionPayload.script(vectorType)));
  }

  @Test
  void scriptFunctionsFromAnotherAddressAreUnknown() {
    var f = new io.astraea.ledger.types.ScriptFunction(
        new io.astraea.ledger.types.ModuleId(AccountAddress.of("0x2"), new io.astraea.ledger.types.Identifier("PaymentScripts")),
        new io.astraea.ledger.types.Identifier("peer_to_peer_with_metadata"), List.of(), List.of());
    assertInstanceOf(ScriptResolution.Rejected.class, ScriptResolver.resolve(TransactionPayload.scriptFunction(f)));
  }

  @Test
  void legacyScriptsFromTheSdkExecute() throws Exception {
    TestLedger ledger = new TestLedger();
    AccountAddress dd = ledger.dealerAddress();
    AccountAddress tc = StateKeys.TREASURY_COMPLIANCE;
    TransactionPayload pay = TransactionPayload.script(ours(Helpers.encode_peer_to_peer_with_metadata_script(
        sdkCurrency("XUS"), sdkAddress(dd), 1_000L, Bytes.empty(), Bytes.empty())));
    assertEquals(KeptVmStatus.EXECUTED, kept(ledger.run(ledger.txn(ledger.user(0), pay))));
    TransactionPayload preburn = TransactionPayload.script(ours(Helpers.encode_preburn_script(sdkCurrency("XUS"), 100L)));
    assertEquals(KeptVmStatus.EXECUTED, kept(ledger.run(ledger.txn(dd, preburn))));
    assertEquals(KeptVmStatus.EXECUTED, kept(ledger.run(ledger.txn(dd, preburn))));
    TransactionPayload cancel = TransactionPayload.script(ours(Helpers.encode_cancel_burn_script(
        sdkCurrency("XUS"), sdkAddress(dd))));
    assertEquals(KeptVmStatus.EXECUTED, kept(ledger.run(ledger.txn(tc, cancel))));
    TransactionPayload burn = TransactionPayload.script(ours(Helpers.encode_burn_script(
        sdkCurrency("XUS"), 0L, sdkAddress(dd))));
    assertEquals(KeptVmStatus.EXECUTED, kept(ledger.run(ledger.txn(tc, burn))));
    assertEquals(900, ledger.account(dd).balance("XUS"));
    assertTrue(ledger.account(dd).preburns().isEmpty());
    assertEquals(java.math.BigInteger.valueOf(3 * TestLedger.FUNDS - 100),
        ledger.system().currency("XUS").orElseThrow().totalValue());
    ledger.checkSupply();
  }
}
