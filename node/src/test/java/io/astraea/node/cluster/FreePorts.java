package io.astraea.node.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds a run of consecutive free peer ports for a test network. Peer addresses are part of the
 * genesis validator set, so they must be known before genesis is written; they are taken below
 * Linux's ephemeral range (32768 and up) so that outgoing connections of other processes cannot
 * grab them between the check and the bind.
 */
final class FreePorts {
  private static final int LOW = 20_000;
  private static final int HIGH = 32_000;
  private static final int ATTEMPTS = 200;

  private FreePorts() {}

  /** A base port {@code p} such that {@code p .. p + count - 1} are all free on 127.0.0.1 now. */
  static int consecutive(int count) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(LOW, HIGH - count);
      boolean free = true;
      for (int i = 0; i < count && free; i++) {
        free = isFree(base + i);
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no " + count + " consecutive free ports between " + LOW + " and " + HIGH);
  }

  private static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
