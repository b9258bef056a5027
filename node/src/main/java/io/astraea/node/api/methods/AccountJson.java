package io.astraea.node.api.methods;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astraea.crypto.AccountAddress;
import io.astraea.ledger.state.AccountRole;
import io.astraea.ledger.state.AccountState;
import io.astraea.ledger.types.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Diem's {@code Account} view of an {@link AccountState}: address, balances sorted by currency,
 * sequence number, authentication key, payment event keys, frozen flag and role. Astraea has no
 * delegated capabilities, so both {@code delegated_*} flags are always false.
 */
final class AccountJson {
  private AccountJson() {}

  static ObjectNode of(AccountAddress address, AccountState s, long version) {
    ObjectNode o = Json.F.objectNode();
    o.put("address", address.toHex());
    ArrayNode balances = o.putArray("balances");
    s.balances().forEach((code, amount) -> balances.add(Json.amount(amount, code)));
    o.set("sequence_number", Json.u64(s.sequenceNumber()));
    o.put("authentication_key", s.authKey().toHex());
    o.put("sent_events_key", s.sentEvents().key().toHex());
    o.put("received_events_key", s.receivedEvents().key().toHex());
    o.put("delegated_key_rotation_capability", false);
    o.put("delegated_withdrawal_capability", false);
    o.put("is_frozen", s.frozen());
    o.set("role", role(s));
    o.set("version", Json.u64(version));
    return o;
  }

  private static ObjectNode role(AccountState s) {
    ObjectNode r = Json.F.objectNode();
    AccountRole role = s.role();
    if (role instanceof AccountRole.ParentVasp p) {
      r.put("type", "parent_vasp");
      r.put("human_name", utf8(p.humanName()));
      r.set("num_children", Json.u64(p.numChildren()));
    } else if (role instanceof AccountRole.ChildVasp c) {
      r.put("type", "child_vasp");
      r.put("parent_vasp_address", c.parent().toHex());
    } else if (role instanceof AccountRole.DesignatedDealer d) {
      r.put("type", "designated_dealer");
      r.put("human_name", utf8(d.humanName()));
      ArrayNode preburns = r.putArray("preburn_balances");
      for (Map.Entry<String, List<Long>> e : s.preburns().entrySet()) {
        long sum = 0;
        for (long v : e.getValue()) {
          sum += v;
        }
        preburns.add(Json.amount(sum, e.getKey()));
      }
      r.put("received_mint_events_key", d.receivedMintEvents().key().toHex());
    } else {
      r.put("type", "unknown");
    }
    return r;
  }

  private static String utf8(Bytes b) {
    return new String(b.toArray(), StandardCharsets.UTF_8);
  }
}
