/** Astraea bench module. */
package io.astraea.bench;
