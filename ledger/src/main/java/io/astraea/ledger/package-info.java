/** Astraea ledger module. */
package io.astraea.ledger;
