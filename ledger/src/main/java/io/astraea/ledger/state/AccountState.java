package io.astraea.ledger.state;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import io.astraea.crypto.bcs.BcsWriter;
import io.astraea.ledger.types.Bytes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One account as stored in the state tree under {@code sha3(address)}: the resources Diem keeps
 * in {@code DiemAccount}, {@code Balance<C>}, {@code PreburnQueue<C>}, {@code SlidingNonce},
 * {@code AccountFreezing::FreezingBit} and the role resources, folded into one BCS blob.
 *
 * <p>Immutable: every change returns a new value, so an aborted script simply drops its copies.
 * Layout (docs/STATE.md): authentication key (bytes), sequence number (u64), role, frozen (bool),
 * balances (map currency code to u64), preburns (map currency code to a queue of u64), sent and
 * received payment event handles, event-stream counter (u64), sliding nonce (option).
 */
public final class AccountState {
  /** Diem's received-payment stream is created first (salt 0), then sent-payment (salt 1). */
  public static final long RECEIVED_EVENTS_SALT = 0;

  public static final long SENT_EVENTS_SALT = 1;

  private final Bytes authKey;
  private final long sequenceNumber;
  private final AccountRole role;
  private final boolean frozen;
  private final SortedMap<String, Long> balances;
  private final SortedMap<String, List<Long>> preburns;
  private final EventHandle sentEvents;
  private final EventHandle receivedEvents;
  private final long eventCounter;
  private final SlidingNonce slidingNonce;

  private AccountState(Builder b) {
    this.authKey = Objects.requireNonNull(b.authKey, "authKey");
    this.sequenceNumber = b.sequenceNumber;
    this.role = Objects.requireNonNull(b.role, "role");
    this.frozen = b.frozen;
    this.balances = Collections.unmodifiableSortedMap(new TreeMap<>(b.balances));
    TreeMap<String, List<Long>> pb = new TreeMap<>();
    b.preburns.forEach((k, v) -> pb.put(k, List.copyOf(v)));
    this.preburns = Collections.unmodifiableSortedMap(pb);
    this.sentEvents = Objects.requireNonNull(b.sentEvents, "sentEvents");
    this.receivedEvents = Objects.requireNonNull(b.receivedEvents, "receivedEvents");
    this.eventCounter = b.eventCounter;
    this.slidingNonce = b.slidingNonce;
  }

  /**
   * A newly created account at {@code address}: sequence number 0, the two payment streams
   * created (received first, then sent, as Diem does), holding a zero balance in each currency.
   */
  public static Builder newAccount(AccountAddress address, Bytes authKey, AccountRole role) {
    Builder b = new Builder();
    b.authKey = authKey;
    b.role = role;
    b.receivedEvents = EventHandle.create(address, RECEIVED_EVENTS_SALT);
    b.sentEvents = EventHandle.create(address, SENT_EVENTS_SALT);
    b.eventCounter = 2;
    return b;
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.authKey = authKey;
    b.sequenceNumber = sequenceNumber;
    b.role = role;
    b.frozen = frozen;
    b.balances.putAll(balances);
    preburns.forEach((k, v) -> b.preburns.put(k, new ArrayList<>(v)));
    b.sentEvents = sentEvents;
    b.receivedEvents = receivedEvents;
    b.eventCounter = eventCounter;
    b.slidingNonce = slidingNonce;
    return b;
  }

  public Bytes authKey() {
    return authKey;
  }

  public long sequenceNumber() {
    return sequenceNumber;
  }

  public AccountRole role() {
    return role;
  }

  public boolean frozen() {
    return frozen;
  }

  /** Balances per currency code, sorted by code; a currency the account accepts has an entry. */
  public SortedMap<String, Long> balances() {
    return balances;
  }

  public boolean holds(String currency) {
    return balances.containsKey(currency);
  }

  /** The balance in {@code currency}, or 0 if the account does not hold it. */
  public long balance(String currency) {
    Long v = balances.get(currency);
    return v == null ? 0 : v;
  }

  /** Outstanding preburn requests per currency, oldest first. */
  public SortedMap<String, List<Long>> preburns() {
    return preburns;
  }

  public EventHandle sentEvents() {
    return sentEvents;
  }

  public EventHandle receivedEvents() {
    return receivedEvents;
  }

  /** The salt the next event stream created under this account will get. */
  public long eventCounter() {
    return eventCounter;
  }

  /** The account's nonce window, if it runs administrative scripts (root, treasury compliance). */
  public SlidingNonce slidingNonce() {
    return slidingNonce;
  }

  public AccountState withSequenceNumber(long seq) {
    Builder b = toBuilder();
    b.sequenceNumber = seq;
    return b.build();
  }

  public AccountState withBalance(String currency, long amount) {
    Builder b = toBuilder();
    b.balances.put(currency, amount);
    return b.build();
  }

  public void serialize(BcsWriter w) {
    w.write(authKey).writeU64(sequenceNumber);
    role.serialize(w);
    w.writeBool(frozen);
    w.writeMap(balances, BcsWriter::writeString, BcsWriter::writeU64);
    w.writeMap(
        preburns,
        BcsWriter::writeString,
        (ww, list) -> ww.writeSeq(list, BcsWriter::writeU64));
    sentEvents.serialize(w);
    receivedEvents.serialize(w);
    w.writeU64(eventCounter);
    w.writeNullable(slidingNonce, (ww, n) -> n.serialize(ww));
  }

  public byte[] toBcs() {
    BcsWriter w = new BcsWriter(160);
    serialize(w);
    return w.toByteArray();
  }

  public static AccountState decode(BcsReader r) throws BcsException {
    Builder b = new Builder();
    b.authKey = Bytes.decode(r);
    b.sequenceNumber = r.readU64();
    b.role = AccountRole.decode(r);
    b.frozen = r.readBool();
    b.balances.putAll(r.readMap(AccountState::readCurrencyCode, BcsReader::readU64));
    Map<String, List<Long>> pb =
        r.readMap(AccountState::readCurrencyCode, rr -> rr.readSeq(BcsReader::readU64));
    pb.forEach((k, v) -> b.preburns.put(k, new ArrayList<>(v)));
    b.sentEvents = EventHandle.decode(r);
    b.receivedEvents = EventHandle.decode(r);
    b.eventCounter = r.readU64();
    b.slidingNonce = r.readNullable(SlidingNonce::decode);
    return b.build();
  }

  /**
   * A currency code: a non-empty ASCII Move identifier of letters, digits and underscores. Read
   * without a charset decoder, since every account decode reads one per balance.
   */
  static String readCurrencyCode(BcsReader r) throws BcsException {
    int at = r.position();
    byte[] b = r.readBytes();
    if (b.length == 0) {
      throw new BcsException("empty currency code", at);
    }
    for (byte c : b) {
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (!ok) {
        throw new BcsException("currency code is not an identifier", at);
      }
    }
    return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
  }

  public static AccountState fromBcs(byte[] blob) throws BcsException {
    return BcsReader.decode(blob, AccountState::decode);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountState a && java.util.Arrays.equals(a.toBcs(), toBcs());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(toBcs());
  }

  @Override
  public String toString() {
    return "AccountState(seq="
        + U64.toString(sequenceNumber)
        + ", role="
        + role
        + ", frozen="
        + frozen
        + ", balances="
        + balances
        + ")";
  }

  /** Mutable assembly of an {@link AccountState}. */
  public static final class Builder {
    private Bytes authKey;
    private long sequenceNumber;
    private AccountRole role;
    private boolean frozen;
    private final TreeMap<String, Long> balances = new TreeMap<>();
    private final TreeMap<String, List<Long>> preburns = new TreeMap<>();
    private EventHandle sentEvents;
    private EventHandle receivedEvents;
    private long eventCounter;
    private SlidingNonce slidingNonce;

    private Builder() {}

    public Builder authKey(Bytes v) {
      authKey = v;
      return this;
    }

    public Builder sequenceNumber(long v) {
      sequenceNumber = v;
      return this;
    }

    public Builder role(AccountRole v) {
      role = v;
      return this;
    }

    public Builder frozen(boolean v) {
      frozen = v;
      return this;
    }

    /** Sets (or opens with this amount) the balance in {@code currency}. */
    public Builder balance(String currency, long amount) {
      balances.put(currency, amount);
      return this;
    }

    /** The mutable preburn queue of {@code currency} (created empty if absent). */
    public List<Long> preburnQueue(String currency) {
      return preburns.computeIfAbsent(currency, c -> new ArrayList<>());
    }

    /** Drops a currency's preburn queue when it is empty, so the blob stays canonical. */
    public Builder compactPreburns(String currency) {
      List<Long> q = preburns.get(currency);
      if (q != null && q.isEmpty()) {
        preburns.remove(currency);
      }
      return this;
    }

    public Builder sentEvents(EventHandle v) {
      sentEvents = v;
      return this;
    }

    public Builder receivedEvents(EventHandle v) {
      receivedEvents = v;
      return this;
    }

    /** Creates a new event stream under {@code owner} with the next salt. */
    public EventHandle newEventHandle(AccountAddress owner) {
      EventHandle h = EventHandle.create(owner, eventCounter);
      eventCounter = U64.add(eventCounter, 1);
      return h;
    }

    public Builder slidingNonce(SlidingNonce v) {
      slidingNonce = v;
      return this;
    }

    public AccountRole role() {
      return role;
    }

    public SlidingNonce slidingNonce() {
      return slidingNonce;
    }

    public long balance(String currency) {
      Long v = balances.get(currency);
      return v == null ? 0 : v;
    }

    public boolean holds(String currency) {
      return balances.containsKey(currency);
    }

    public EventHandle sentEvents() {
      return sentEvents;
    }

    public EventHandle receivedEvents() {
      return receivedEvents;
    }

    public AccountState build() {
      return new AccountState(this);
    }
  }
}
