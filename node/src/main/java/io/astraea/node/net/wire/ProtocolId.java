package io.astraea.node.net.wire;

/**
 * Which subsystem a message on a peer link belongs to. Every subsystem shares the one link to a
 * peer; the id routes a payload to the handler registered for it. The wire code is the BCS variant
 * index, fixed here so that reordering the constants cannot change the protocol.
 */
public enum ProtocolId {
  CONSENSUS(0),
  MEMPOOL(1),
  STATE_SYNC(2),
  BLOCK_RETRIEVAL(3);

  private static final ProtocolId[] BY_CODE = values();

  private final int code;

  ProtocolId(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The number of defined ids, the bound for decoding a variant index. */
  public static int count() {
    return BY_CODE.length;
  }

  public static ProtocolId fromCode(int code) {
    for (ProtocolId id : BY_CODE) {
      if (id.code == code) {
        return id;
      }
    }
    throw new IllegalArgumentException("unknown protocol id " + code);
  }
}
