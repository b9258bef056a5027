/**
 * The peer network of a validator: authenticated, multiplexed links to every other validator.
 *
 * <h2>Admission, in three gates</h2>
 *
 * <ol>
 *   <li><b>TLS 1.3, mutual, pinned keys.</b> Each node builds an in-memory self-signed X.509
 *       certificate for its Ed25519 network key at every start ({@link
 *       io.astraea.node.net.tls.NetworkCertificate}). Both sides require the other's certificate
 *       and admit it only if its key is in the current validator set ({@link
 *       io.astraea.node.net.tls.PinnedKeyTrustManager}): no CA, no host names, no dates. The JDK
 *       provider (SunJSSE, JDK 17) negotiates the {@code ed25519} signature scheme natively; no
 *       extra provider is needed. A stranger fails inside the handshake, before any application
 *       byte is decrypted: the pipeline holds nothing but the TLS handler until it succeeds ({@code
 *       TlsGate}).
 *   <li><b>Hello.</b> Each side then sends {@code Hello{version, chain_id, genesis, address,
 *       network_key}}. A different chain id or genesis, an address that is not a validator, an
 *       address whose network key is not the TLS key, or a breach of the dial rule closes the link
 *       with a Goodbye naming the reason, logged on both sides.
 *   <li><b>Frames.</b> Every message is a u32 big-endian length and a BCS body ({@link
 *       io.astraea.node.net.wire.WireMessage}); a length over the configured maximum (16 MiB by
 *       default) closes that link as soon as the 4 length bytes are read.
 * </ol>
 *
 * <h2>Links</h2>
 *
 * One TCP link per pair of validators: the lower address (unsigned byte order) dials, the higher
 * accepts, so two validators never race to open duplicate links. A dialler redials with doubling,
 * jittered delays capped at {@code reconnectMaxDelay}; an accepted link from a peer that already
 * has one (it restarted before we noticed) replaces the old link. Idle links exchange heartbeats; a
 * link silent for {@code idleTimeout} is closed.
 *
 * <h2>Traffic</h2>
 *
 * Consensus, mempool, state sync and block retrieval share each link, tagged with a {@link
 * io.astraea.node.net.wire.ProtocolId}. {@link io.astraea.node.net.Network#send} and {@code
 * broadcast} never block: each peer has one bounded outbound queue per protocol (1024 messages by
 * default) that survives reconnects and <b>drops its oldest message</b> when full, counting the
 * drop in {@link io.astraea.node.net.PeerStatus#droppedTotal}. A slow link is fed consensus first,
 * mempool last ({@code PeerQueues}). Requests ({@link io.astraea.node.net.Network#request}) carry
 * ids and time out. Inbound messages are handed to one handler per protocol on an I/O thread;
 * handlers only enqueue.
 */
package io.astraea.node.net;
