package io.astraea.node.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.HashValue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NetworkConfigTest {
  @Test
  void defaultsApplyOnceTheIdentityIsGiven() {
    NetworkConfig c =
        NetworkConfig.builder()
            .self(AccountAddress.of("0x1"))
            .networkKey(Ed25519PrivateKey.generate())
            .chainId(4)
            .genesisHash(HashValue.ZERO)
            .build();
    assertEquals(16 * 1024 * 1024, c.maxFrameBytes());
    assertEquals(1024, c.outboundQueueCapacity());
    assertEquals(8L * 1024 * 1024, c.outboundQueueBytes());
    assertEquals(Duration.ofSeconds(10), c.reconnectMaxDelay());
    assertEquals(16, c.inboundHandshakesPerSecond());
    assertEquals(64, c.inboundHandshakeBurst());
  }

  @Test
  void reportsEveryProblemAtOnce() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                NetworkConfig.builder()
                    .chainId(300)
                    .maxFrameBytes(10)
                    .outboundQueueCapacity(0)
                    .outboundQueueBytes(0)
                    .inboundHandshakeRate(0, 5)
                    .reconnectDelays(Duration.ofSeconds(5), Duration.ofSeconds(1))
                    .listen("127.0.0.1", 70_000)
                    .build());
    for (String problem :
        new String[] {
          "self address",
          "network key",
          "chain id",
          "genesis hash",
          "max frame size",
          "queue capacity",
          "queue bytes",
          "inbound handshake rate",
          "reconnect max delay",
          "listen port"
        }) {
      assertTrue(e.getMessage().contains(problem), problem + " in: " + e.getMessage());
    }
  }
}
