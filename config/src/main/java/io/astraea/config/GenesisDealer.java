package io.astraea.config;

import io.astraea.crypto.AccountAddress;
import io.astraea.crypto.AuthenticationKey;

/**
 * A designated dealer created at genesis: the only kind of account treasury-compliance mints to.
 * The address is the last 16 bytes of the authentication key (Diem creates accounts that way); the
 * description may give either or both, and both must agree.
 */
public record GenesisDealer(String name, AccountAddress address, AuthenticationKey authKey) {}
