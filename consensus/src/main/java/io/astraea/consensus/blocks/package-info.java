/** The tree of executed blocks above the last commit, with their certificates. */
package io.astraea.consensus.blocks;
