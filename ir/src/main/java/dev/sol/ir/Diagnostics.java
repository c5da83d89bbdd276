package dev.sol.ir;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Routes diagnostics to the innermost registered handler. Reporting an error always
 * returns false, so that verifiers can write {@code return diag.report(op.opError(...))}.
 */
public final class Diagnostics {
  private final Deque<Consumer<Diagnostic>> handlers = new ArrayDeque<>();
  private int errorCount;

  public Diagnostics() {
    handlers.push(d -> System.err.println(d));
  }

  /** Installs a handler until the returned scope is closed. */
  public AutoCloseable pushHandler(Consumer<Diagnostic> handler) {
    handlers.push(handler);
    return () -> handlers.remove(handler);
  }

  /** Emits a diagnostic; returns false for convenience in verifiers. */
  public boolean report(Diagnostic d) {
    if (d.severity() == Diagnostic.Severity.ERROR) errorCount++;
    handlers.peek().accept(d);
    return false;
  }

  public int errorCount() { return errorCount; }
}
