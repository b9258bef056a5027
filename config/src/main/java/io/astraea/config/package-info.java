/** Astraea config module. */
package io.astraea.config;
