package io.astraea.node.api.methods;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.ledger.execution.StandardScript;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.Identifier;
import io.astraea.ledger.types.ModuleId;
import io.astraea.ledger.types.ScriptFunction;
import io.astraea.ledger.types.TransactionPayload;
import io.astraea.ledger.types.TypeTag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Script-function payloads ({@code 0x1::Module::function} with BCS arguments) for the standard
 * scripts that clients and the faucet send: payments, parent VASP creation and minting.
 */
public final class ScriptPayloads {
  private ScriptPayloads() {}

  /** {@code peer_to_peer_with_metadata<currency>(payee, amount, metadata, metadata_signature)}. */
  public static TransactionPayload peerToPeer(
      String currency, AccountAddress payee, long amount, Bytes metadata, Bytes metadataSignature) {
    return call(StandardScript.PEER_TO_PEER_WITH_METADATA, currency,
        w -> w.write(payee), w -> w.writeU64(amount), w -> w.write(metadata), w -> w.write(metadataSignature));
  }

  /**
   * {@code create_parent_vasp_account<currency>(nonce, address, auth_key_prefix, human_name,
   * add_all_currencies)}, sent by treasury compliance; nonce 0 skips the sliding-nonce check.
   */
  public static TransactionPayload createParentVasp(
      String currency, long nonce, AccountAddress address, byte[] authKeyPrefix, String humanName,
      boolean addAllCurrencies) {
    Bytes name = Bytes.of(humanName.getBytes(StandardCharsets.UTF_8));
    return call(StandardScript.CREATE_PARENT_VASP_ACCOUNT, currency,
        w -> w.writeU64(nonce), w -> w.write(address), w -> w.writeBytes(authKeyPrefix), w -> w.write(name),
        w -> w.writeBool(addAllCurrencies));
  }

  /** {@code tiered_mint<currency>(nonce, dealer, amount, tier_index)}, sent by treasury compliance. */
  public static TransactionPayload tieredMint(String currency, long nonce, AccountAddress dealer, long amount, long tier) {
    return call(StandardScript.TIERED_MINT, currency,
        w -> w.writeU64(nonce), w -> w.write(dealer), w -> w.writeU64(amount), w -> w.writeU64(tier));
  }

  @SafeVarargs
  private static TransactionPayload call(
      StandardScript s, String currency, Consumer<BcsWriter>... args) {
    List<Bytes> encoded = new ArrayList<>(args.length);
    for (Consumer<BcsWriter> a : args) {
      BcsWriter w = new BcsWriter();
      a.accept(w);
      encoded.add(Bytes.of(w.toByteArray()));
    }
    return TransactionPayload.scriptFunction(new ScriptFunction(
        ModuleId.core(s.moduleName().orElseThrow()), new Identifier(s.functionName().orElseThrow()),
        List.of(TypeTag.currency(currency)), encoded));
  }
}
