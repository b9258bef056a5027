package io.astraea.node.api.methods;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ContractEvent;
import io.astraea.ledger.types.ModuleId;
import io.astraea.ledger.types.StructTag;
import io.astraea.ledger.types.TypeTag;

/**
 * Diem's {@code Event} view: key, sequence number, version and a typed {@code data} object decoded
 * from the event's BCS payload by its {@code 0x1::Module::Struct} type. Events of other types,
 * or whose payload does not decode, are shown as {@code {"type": "unknown", "bytes": hex}}.
 */
public final class EventJson {
  private static final double FIXED_POINT_32 = 4294967296.0;

  private EventJson() {}

  public static ObjectNode of(ContractEvent e, long version) {
    ObjectNode o = Json.F.objectNode();
    o.put("key", e.key().toHex());
    o.set("sequence_number", Json.u64(e.sequenceNumber()));
    o.set("transaction_version", Json.u64(version));
    o.set("data", data(e));
    return o;
  }

  static ObjectNode data(ContractEvent e) {
    String name = structName(e.typeTag());
    byte[] payload = e.eventData().toArray();
    ObjectNode d = Json.F.objectNode();
    try {
      BcsReader r = new BcsReader(payload);
      switch (name) {
        case "DiemAccount::SentPaymentEvent" -> {
          long amount = r.readU64();
          String currency = r.readString();
          AccountAddress payee = AccountAddress.decode(r);
          Bytes metadata = Bytes.decode(r);
          d.put("type", "sentpayment");
          d.set("amount", Json.amount(amount, currency));
          d.put("sender", e.key().address().toHex());
          d.put("receiver", payee.toHex());
          d.put("metadata", metadata.toHex());
        }
        case "DiemAccount::ReceivedPaymentEvent" -> {
          long amount = r.readU64();
          String currency = r.readString();
          AccountAddress payer = AccountAddress.decode(r);
          Bytes metadata = Bytes.decode(r);
          d.put("type", "receivedpayment");
          d.set("amount", Json.amount(amount, currency));
          d.put("sender", payer.toHex());
          d.put("receiver", e.key().address().toHex());
          d.put("metadata", metadata.toHex());
        }
        case "Diem::MintEvent" -> {
          long amount = r.readU64();
          d.put("type", "mint");
          d.set("amount", Json.amount(amount, r.readString()));
        }
        case "Diem::BurnEvent", "Diem::PreburnEvent", "Diem::CancelBurnEvent" -> {
          long amount = r.readU64();
          String currency = r.readString();
          AccountAddress at = AccountAddress.decode(r);
          d.put("type", name.equals("Diem::BurnEvent") ? "burn"
              : name.equals("Diem::PreburnEvent") ? "preburn" : "cancelburn");
          d.set("amount", Json.amount(amount, currency));
          d.put("preburn_address", at.toHex());
        }
        case "Diem::ToXDXExchangeRateUpdateEvent" -> {
          String currency = r.readString();
          long rate = r.readU64();
          d.put("type", "to_xdx_exchange_rate_update");
          d.put("currency_code", currency);
          d.put("new_to_xdx_exchange_rate", (float) (CurrencyJson.unsigned(rate) / FIXED_POINT_32));
        }
        case "DesignatedDealer::ReceivedMintEvent" -> {
          String currency = r.readString();
          AccountAddress destination = AccountAddress.decode(r);
          long amount = r.readU64();
          d.put("type", "receivedmint");
          d.set("amount", Json.amount(amount, currency));
          d.put("destination_address", destination.toHex());
        }
        case "DiemBlock::NewBlockEvent" -> {
          long round = r.readU64();
          AccountAddress proposer = AccountAddress.decode(r);
          r.readSeq(AccountAddress::decode);
          long time = r.readU64();
          d.put("type", "newblock");
          d.set("round", Json.u64(round));
          d.put("proposer", proposer.toHex());
          d.set("proposed_time", Json.u64(time));
        }
        case "DiemConfig::NewEpochEvent" -> {
          long epoch = r.readU64();
          d.put("type", "newepoch");
          d.set("epoch", Json.u64(epoch));
        }
        default -> {
          return unknown(payload);
        }
      }
      r.expectEnd();
      return d;
    } catch (BcsException ex) {
      return unknown(payload);
    }
  }

  private static ObjectNode unknown(byte[] payload) {
    ObjectNode d = Json.F.objectNode();
    d.put("type", "unknown");
    d.put("bytes", Json.hex(payload));
    return d;
  }

  /** {@code Module::Struct} for a non-generic struct at {@code 0x1}; "" for anything else. */
  private static String structName(TypeTag tag) {
    if (tag instanceof TypeTag.Struct s) {
      StructTag t = s.tag();
      if (t.address().equals(ModuleId.CORE_CODE_ADDRESS) && t.typeParams().isEmpty()) {
        return t.module().name() + "::" + t.name().name();
      }
    }
    return "";
  }
}
