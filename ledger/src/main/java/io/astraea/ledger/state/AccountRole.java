package io.astraea.ledger.state;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.ledger.types.Bytes;
import io.astraea.ledger.types.ValidatorConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * What an account is allowed to do. The BCS variant index is Diem's role id (0 association root,
 * 1 treasury compliance, 2 designated dealer, 3 validator, 4 validator operator, 5 parent VASP,
 * 6 child VASP); 7 is Astraea's fee collector, which no key controls.
 */
public sealed interface AccountRole {
  int VARIANTS = 8;

  /** Diem's numeric role id (also the BCS variant). */
  int roleId();

  void serialize(BcsWriter w);

  record AssociationRoot() implements AccountRole {
    @Override
    public int roleId() {
      return 0;
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(0);
    }
  }

  record TreasuryCompliance() implements AccountRole {
    @Override
    public int roleId() {
      return 1;
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(1);
    }
  }

  /** May receive minted coins; holds the stream of {@code ReceivedMintEvent}s. */
  record DesignatedDealer(Bytes humanName, EventHandle receivedMintEvents) implements AccountRole {
    public DesignatedDealer {
      Objects.requireNonNull(humanName, "humanName");
      Objects.requireNonNull(receivedMintEvents, "receivedMintEvents");
    }

    @Override
    public int roleId() {
      return 2;
    }

    public DesignatedDealer withMintEvents(EventHandle h) {
      return new DesignatedDealer(humanName, h);
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(2).write(humanName);
      receivedMintEvents.serialize(w);
    }
  }

  /**
   * A validator owner: its registered config (absent until registered) and the operator allowed
   * to change that config.
   */
  record Validator(Bytes humanName, Optional<ValidatorConfig> config, Optional<AccountAddress> operator)
      implements AccountRole {
    public Validator {
      Objects.requireNonNull(humanName, "humanName");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(operator, "operator");
    }

    @Override
    public int roleId() {
      return 3;
    }

    public Validator withConfig(ValidatorConfig c) {
      return new Validator(humanName, Optional.of(c), operator);
    }

    public Validator withOperator(AccountAddress o) {
      return new Validator(humanName, config, Optional.of(o));
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(3).write(humanName);
      w.writeOption(config, (ww, c) -> c.serialize(ww));
      w.writeOption(operator, (ww, a) -> a.serialize(ww));
    }
  }

  record ValidatorOperator(Bytes humanName) implements AccountRole {
    public ValidatorOperator {
      Objects.requireNonNull(humanName, "humanName");
    }

    @Override
    public int roleId() {
      return 4;
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(4).write(humanName);
    }
  }

  /** A regulated VASP's main account; counts its child accounts. */
  record ParentVasp(Bytes humanName, long numChildren) implements AccountRole {
    /** Diem's limit on child accounts per parent ({@code VASP::MAX_CHILD_ACCOUNTS}). */
    public static final long MAX_CHILD_ACCOUNTS = 256;

    public ParentVasp {
      Objects.requireNonNull(humanName, "humanName");
    }

    @Override
    public int roleId() {
      return 5;
    }

    public ParentVasp withChildren(long n) {
      return new ParentVasp(humanName, n);
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(5).write(humanName).writeU64(numChildren);
    }
  }

  record ChildVasp(AccountAddress parent) implements AccountRole {
    public ChildVasp {
      Objects.requireNonNull(parent, "parent");
    }

    @Override
    public int roleId() {
      return 6;
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(6).write(parent);
    }
  }

  record FeeCollector() implements AccountRole {
    @Override
    public int roleId() {
      return 7;
    }

    @Override
    public void serialize(BcsWriter w) {
      w.writeVariant(7);
    }
  }

  static AccountRole decode(BcsReader r) throws BcsException {
    r.enter();
    AccountRole role =
        switch (r.readVariant(VARIANTS)) {
          case 0 -> new AssociationRoot();
          case 1 -> new TreasuryCompliance();
          case 2 -> new DesignatedDealer(Bytes.decode(r), EventHandle.decode(r));
          case 3 ->
              new Validator(
                  Bytes.decode(r),
                  r.readOption(ValidatorConfig::decode),
                  r.readOption(AccountAddress::decode));
          case 4 -> new ValidatorOperator(Bytes.decode(r));
          case 5 -> new ParentVasp(Bytes.decode(r), r.readU64());
          case 6 -> new ChildVasp(AccountAddress.decode(r));
          default -> new FeeCollector();
        };
    r.leave();
    return role;
  }
}
