/** Astraea consensus module. */
package io.astraea.consensus;
