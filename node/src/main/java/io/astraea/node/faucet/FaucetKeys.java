package io.astraea.node.faucet;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;
import io.astraea.crypto.Ed25519PrivateKey;
import io.astraea.crypto.keys.KeyFileException;
import io.astraea.crypto.keys.KeyFiles;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The two keys the faucet signs with: treasury compliance (creates accounts, mints to the dealer)
 * and the designated dealer (pays the minted coins out). Loaded from the testnet's faucet key
 * directory ({@code api.faucet_keys_dir}), where the testnet generator writes
 * {@value #TREASURY_KEY_FILE} and {@value #DEALER_KEY_FILE}.
 */
public record FaucetKeys(Ed25519PrivateKey treasuryCompliance, Ed25519PrivateKey dealer) {
  public static final String TREASURY_KEY_FILE = "treasury_compliance.key";
  public static final String DEALER_KEY_FILE = "designated_dealer.key";

  public FaucetKeys {
    Objects.requireNonNull(treasuryCompliance, "treasuryCompliance");
    Objects.requireNonNull(dealer, "dealer");
  }

  public static FaucetKeys load(Path dir) throws KeyFileException {
    return new FaucetKeys(
        KeyFiles.readPrivateKey(dir.resolve(TREASURY_KEY_FILE)), KeyFiles.readPrivateKey(dir.resolve(DEALER_KEY_FILE)));
  }

  /** The dealer's account: the address its key's authentication key derives. */
  public AccountAddress dealerAddress() {
    return AuthenticationKey.ed25519(dealer.publicKey()).derivedAddress();
  }
}
