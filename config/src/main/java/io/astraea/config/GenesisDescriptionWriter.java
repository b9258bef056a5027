package io.astraea.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.astraea.crypto.Ed25519PublicKey;
import io.astraea.crypto.bcs.BcsWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link GenesisDescription} in its canonical YAML and BCS forms. */
final class GenesisDescriptionWriter {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .build());

  private GenesisDescriptionWriter() {}

  static String toYaml(GenesisDescription d) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("chain_id", d.chainId());
    root.put("genesis_timestamp_usecs", d.genesisTimestampUsecs());
    List<Object> currencies = new ArrayList<>();
    for (GenesisCurrency c : d.currencies()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", c.code());
      m.put("scaling_factor", c.scalingFactor());
      m.put("fractional_part", c.fractionalPart());
      currencies.add(m);
    }
    root.put("currencies", currencies);
    Map<String, Object> rootKey = new LinkedHashMap<>();
    rootKey.put("public_keys", d.associationRoot().publicKeys().stream().map(Ed25519PublicKey::toHex).toList());
    rootKey.put("threshold", d.associationRoot().threshold());
    root.put("association_root", rootKey);
    root.put("treasury_compliance", Map.of("public_key", d.treasuryCompliancePublicKey().toHex()));
    List<Object> dealers = new ArrayList<>();
    for (GenesisDealer dd : d.designatedDealers()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", dd.name());
      m.put("address", "0x" + dd.address().toHex());
      m.put("auth_key", dd.authKey().toHex());
      dealers.add(m);
    }
    root.put("designated_dealers", dealers);
    List<Object> validators = new ArrayList<>();
    for (GenesisValidator v : d.validators()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", v.name());
      m.put("owner_address", "0x" + v.ownerAddress().toHex());
      v.ownerAuthKey().ifPresent(k -> m.put("owner_auth_key", k.toHex()));
      m.put("consensus_public_key", v.consensusPublicKey().toHex());
      m.put("network_public_key", v.networkPublicKey().toHex());
      m.put("network_address", v.networkAddress());
      m.put("voting_power", v.votingPower());
      validators.add(m);
    }
    root.put("validators", validators);
    List<Object> accounts = new ArrayList<>();
    for (GenesisAccount a : d.testnetAccounts()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("auth_key", a.authKey().toHex());
      m.put("currency", a.currency());
      m.put("amount", a.amount());
      accounts.add(m);
    }
    root.put("testnet_accounts", accounts);
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain maps, lists, strings and numbers always serialise", e);
    }
  }

  static byte[] toBcs(GenesisDescription d) {
    BcsWriter w = new BcsWriter(512);
    w.writeU8(d.chainId()).writeU64(d.genesisTimestampUsecs());
    w.writeSeq(
        d.currencies(),
        (ww, c) -> ww.writeString(c.code()).writeU64(c.scalingFactor()).writeU64(c.fractionalPart()));
    w.writeSeq(d.associationRoot().publicKeys());
    w.writeU8(d.associationRoot().threshold());
    w.write(d.treasuryCompliancePublicKey());
    w.writeSeq(
        d.designatedDealers(),
        (ww, dd) -> ww.writeString(dd.name()).write(dd.address()).writeFixedBytes(dd.authKey().toBytes()));
    w.writeSeq(
        d.validators(),
        (ww, v) -> {
          ww.writeString(v.name()).write(v.ownerAddress());
          ww.writeOption(v.ownerAuthKey(), (w3, k) -> w3.writeFixedBytes(k.toBytes()));
          ww.write(v.consensusPublicKey()).write(v.networkPublicKey());
          ww.writeString(v.host()).writeU16(v.port()).writeU64(v.votingPower());
        });
    w.writeSeq(
        d.testnetAccounts(),
        (ww, a) -> ww.writeFixedBytes(a.authKey().toBytes()).writeString(a.currency()).writeU64(a.amount()));
    return w.toByteArray();
  }
}
