/** Astraea node module. */
package io.astraea.node;
