/**
 * Astraea configuration. This package holds the genesis description file format:
 * {@link io.astraea.config.GenesisDescription} (YAML, strict, every problem reported at once in a
 * {@link io.astraea.config.GenesisConfigException}, canonical form and hash; see
 * {@code docs/GENESIS.md}). Node settings live in {@code io.astraea.config.node}.
 */
package io.astraea.config;
