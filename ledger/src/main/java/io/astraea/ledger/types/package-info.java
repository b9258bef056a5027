/**
 * Transaction and ledger types with Diem's exact BCS layouts, variant orders and {@code DIEM::}
 * hashes, so that unmodified Diem clients can build, sign and read Astraea transactions.
 *
 * <p>Every type is immutable, encodes with {@code serialize(BcsWriter)} and decodes strictly with
 * a static {@code decode(BcsReader)}: any malformed input (unknown variant, bad identifier, wrong
 * key length, invalid or small-order public key, truncated data, trailing bytes via
 * {@code fromBcs}) is a {@link io.astraea.crypto.bcs.BcsException}, never another exception.
 * Unsigned 64-bit fields are held in {@code long}s carrying the same bits.
 *
 * <p>Reference layouts: {@code testsuite/generate-format/tests/staged/diem.yaml} and
 * {@code consensus.yaml} of the Diem repository; {@link io.astraea.ledger.types.TransactionPayload}
 * includes {@code ScriptFunction} as variant 3.
 */
package io.astraea.ledger.types;
