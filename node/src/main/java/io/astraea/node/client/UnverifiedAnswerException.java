package io.astraea.node.client;

/**
 * A node's answer that does not prove what it claims: a ledger info not signed by a quorum of the
 * validators the client trusts, a proof that does not lead to the certified root, or bytes that
 * do not decode. The client must not use the answer.
 */
public final class UnverifiedAnswerException extends Exception {
  public UnverifiedAnswerException(String message) {
    super(message);
  }

  public UnverifiedAnswerException(String message, Throwable cause) {
    super(message, cause);
  }
}
