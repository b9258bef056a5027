/**
 * Consensus data types and wire messages, in BCS with Diem's {@code DIEM::} domain-separated
 * hashes: blocks, votes, quorum and 2-chain timeout certificates, sync info, retrieval and epoch
 * change messages. Each verifies itself against an epoch's validator verifier through a
 * {@link io.astraea.consensus.types.SignatureChecker}.
 */
package io.astraea.consensus.types;
