package dev.sol.ir;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Routes diagnostics to the innermost registered handler. Reporting an error always
 * returns false, so that verifiers can write {@code return diag.report(op.opError(...))}.
 * Work running on other threads captures its diagnostics and replays them in a fixed
 * order afterwards, so that output never depends on scheduling.
 */
public final class Diagnostics {
  private final Deque<Consumer<Diagnostic>> handlers = new ArrayDeque<>();
  private final ThreadLocal<List<Diagnostic>> capture = new ThreadLocal<>();
  private final AtomicInteger errorCount = new AtomicInteger();

  public Diagnostics() {
    handlers.push(System.err::println);
  }

  /** Installs a handler until the returned scope is closed. */
  public AutoCloseable pushHandler(Consumer<Diagnostic> handler) {
    handlers.push(handler);
    return () -> handlers.remove(handler);
  }

  /** Emits a diagnostic; returns false for convenience in verifiers. */
  public boolean report(Diagnostic d) {
    if (d.severity() == Diagnostic.Severity.ERROR) errorCount.incrementAndGet();
    List<Diagnostic> sink = capture.get();
    if (sink != null) sink.add(d);
    else deliver(d);
    return false;
  }

  private synchronized void deliver(Diagnostic d) { handlers.peek().accept(d); }

  /** Runs {@code body} on this thread with its diagnostics collected into {@code sink}. */
  public <T> T capture(List<Diagnostic> sink, Supplier<T> body) {
    List<Diagnostic> previous = capture.get();
    capture.set(sink);
    try {
      return body.get();
    } finally {
      if (previous == null) capture.remove();
      else capture.set(previous);
    }
  }

  /** Delivers captured diagnostics (already counted) to the current handler. */
  public void replay(List<Diagnostic> captured) {
    for (Diagnostic d : captured) {
      List<Diagnostic> sink = capture.get();
      if (sink != null) sink.add(d);
      else deliver(d);
    }
  }

  public int errorCount() { return errorCount.get(); }
}
