package io.astraea.node.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DurableOutboxTest {
  private final DurableOutbox outbox = new DurableOutbox();
  private final List<String> sent = new ArrayList<>();

  private void send(String message) {
    outbox.send(() -> sent.add(message));
  }

  @Test
  void sendsAtOnceWhenNoWriteIsPending() throws Exception {
    send("a");
    outbox.after(CompletableFuture.completedFuture(null));
    send("b");
    outbox.release();
    assertEquals(List.of("a", "b"), sent);
    assertEquals(0, outbox.heldCount());
  }

  @Test
  void holdsMessagesUntilTheWriteBeforeThemIsDurableAndKeepsTheirOrder() throws Exception {
    send("before");
    CompletableFuture<Void> commit = new CompletableFuture<>();
    outbox.after(commit);
    send("vote");
    send("proposal");
    outbox.release();
    assertEquals(List.of("before"), sent);
    assertEquals(2, outbox.heldCount());

    CompletableFuture<Void> record = new CompletableFuture<>();
    outbox.after(record);
    send("timeout");
    commit.complete(null);
    outbox.release();
    assertEquals(List.of("before", "vote", "proposal"), sent, "the second write still holds its message");

    send("late"); // behind a held message: waits even though it would depend on nothing newer
    record.complete(null);
    outbox.release();
    assertEquals(List.of("before", "vote", "proposal", "timeout", "late"), sent);
  }

  @Test
  void aFailedWriteSendsNothingAfterItAndIsReported() {
    CompletableFuture<Void> commit = new CompletableFuture<>();
    outbox.after(commit);
    send("vote");
    commit.completeExceptionally(new IOException("disk full"));
    DurableOutbox.WriteFailedException e = assertThrows(DurableOutbox.WriteFailedException.class, outbox::release);
    assertEquals("disk full", e.getCause().getMessage());
    send("next");
    assertThrows(DurableOutbox.WriteFailedException.class, outbox::release);
    assertEquals(List.of(), sent);
  }
}
