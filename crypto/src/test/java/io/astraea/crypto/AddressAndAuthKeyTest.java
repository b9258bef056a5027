package io.astraea.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.astraea.crypto.bcs.BcsException;
import io.astraea.crypto.bcs.BcsReader;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressAndAuthKeyTest {
  @Test
  void shortHexIsLeftPadded() throws Exception {
    assertEquals("0000000000000000000000000a550c18", AccountAddress.fromHex("0xA550C18").toHex());
    assertEquals("0000000000000000000000000b1e55ed", AccountAddress.of("0xB1E55ED").toHex());
    assertEquals("00000000000000000000000000000001", AccountAddress.fromHex("1").toHex());
    assertEquals(AccountAddress.fromHex("0x1"), AccountAddress.fromHex("0X01"));
    String full = "f72589b71ff4f8d139674a3f7369c69b";
    assertEquals(full, AccountAddress.fromHex(full).toHex());
    assertEquals(full, AccountAddress.fromHex(full.toUpperCase()).toString());
  }

  @Test
  void malformedAddressesAreTypedErrors() {
    for (String bad : new String[] {"", "0x", "0xzz", "g", "1".repeat(33), "0x" + "1".repeat(33), "0x 1"}) {
      assertThrows(CryptoMaterialException.class, () -> AccountAddress.fromHex(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> AccountAddress.of("nothex"));
    assertThrows(CryptoMaterialException.class, () -> AccountAddress.fromBytes(new byte[15]));
  }

  @Test
  void addressBcsIsSixteenBytesWithoutPrefix() throws Exception {
    AccountAddress a = AccountAddress.of("0xA550C18");
    byte[] bcs = a.toBcs();
    assertEquals(16, bcs.length);
    assertArrayEquals(a.toBytes(), bcs);
    assertEquals(a, BcsReader.decode(bcs, AccountAddress::decode));
    assertThrows(BcsException.class, () -> BcsReader.decode(Arrays.copyOf(bcs, 15), AccountAddress::decode));
    assertEquals(a, AccountAddress.fromBytes(a.toBytes()));
  }

  @Test
  void addressesSortAsUnsignedBytes() {
    AccountAddress one = AccountAddress.of("0x1");
    AccountAddress high = AccountAddress.of("0x80000000000000000000000000000000");
    AccountAddress low = AccountAddress.of("0x7f000000000000000000000000000000");
    List<AccountAddress> list = new ArrayList<>(List.of(high, low, one));
    Collections.sort(list);
    assertEquals(List.of(one, low, high), list);
  }

  @Test
  void authenticationKeyIsSha3OfKeyAndSchemeAndAddressIsItsLastHalf() throws Exception {
    Ed25519PublicKey pk =
        Ed25519PublicKey.fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    MessageDigest sha3 = MessageDigest.getInstance("SHA3-256");
    sha3.update(pk.toBytes());
    sha3.update((byte) 0);
    String expected = HexFormat.of().formatHex(sha3.digest());

    AuthenticationKey auth = AuthenticationKey.ed25519(pk);
    assertEquals(expected, auth.toHex());
    assertEquals(expected.substring(32), auth.derivedAddress().toHex());
    assertEquals(expected.substring(0, 32), HexFormat.of().formatHex(auth.prefix()));
    assertEquals(auth, AuthenticationKey.fromHex(expected));
    assertEquals(auth, AuthenticationKey.fromHex("0x" + expected));
    assertEquals(auth, AuthenticationKey.fromBytes(auth.toBytes()));
    assertEquals(auth.hashCode(), AuthenticationKey.fromHex(expected).hashCode());
    assertEquals(expected, auth.toString());
    assertThrows(CryptoMaterialException.class, () -> AuthenticationKey.fromHex("00"));
    assertThrows(CryptoMaterialException.class, () -> AuthenticationKey.fromHex("xy".repeat(32)));
  }
}
