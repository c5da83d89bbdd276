package dev.sol.tools;

import java.io.PrintStream;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.util.Map;

/**
 * A progress line on stderr while a model compiles: after a second, {@code compiling NAME:
 * PHASE (P%, Ns)} rewritten in place four times a second, and erased when compiling ends;
 * nothing at all when stderr is not a terminal (a log or a pipe gets no carriage returns).
 * The phases come from {@code SolOptions.onPhase}; the percentage is the share of a typical
 * compile (ResNet-50's) spent before the phase starts: LLVM's optimizer and code generator take
 * two thirds of it.
 */
public final class ProgressLine implements AutoCloseable {
  private static final Map<String, Integer> STARTS_AT = Map.of("cache lookup", 0, "import", 0, "lower", 10, "translate", 21, "optimize", 24,
      "codegen", 61, "link", 93);

  private final String what;
  private final PrintStream err;
  private final long delayMs;
  private final long start = System.nanoTime();
  private final Thread painter;
  private volatile String phase = "start";
  private volatile boolean done;
  private boolean shown;

  /** A progress line for compiling {@code what}; {@code terminal} false makes it silent. */
  public ProgressLine(String what, PrintStream err, boolean terminal, long delayMs) {
    this.what = what;
    this.err = err;
    this.delayMs = delayMs;
    painter = terminal ? Thread.ofPlatform().daemon().name("sol-progress").start(this::paint) : null;
  }

  /** One on this process's stderr, shown when it is a terminal. */
  public static ProgressLine onStderr(String what) { return new ProgressLine(what, System.err, stderrIsTerminal(), 1000); }

  /** The listener for {@code SolOptions.onPhase}. */
  public void phase(String name) { phase = name; }

  private void paint() {
    try {
      Thread.sleep(delayMs);
      while (!done) {
        synchronized (this) {
          if (done) return;
          String p = phase;
          double seconds = (System.nanoTime() - start) / 1e9;
          err.print("\rcompiling " + what + ": " + p + " (" + STARTS_AT.getOrDefault(p, 0) + "%, " + String.format("%.0f", seconds) + " s)\u001b[K");
          err.flush();
          shown = true;
        }
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      // closed
    }
  }

  /** Stops and erases the line. */
  @Override public void close() {
    if (painter == null) return;
    synchronized (this) {
      done = true;
      if (shown) {
        err.print("\r\u001b[K");
        err.flush();
      }
    }
    painter.interrupt();
  }

  /** Whether file descriptor 2 is a terminal (libc's isatty). */
  static boolean stderrIsTerminal() {
    try {
      Linker linker = Linker.nativeLinker();
      var isatty = linker.downcallHandle(linker.defaultLookup().find("isatty").orElseThrow(),
          FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
      return (int) isatty.invokeExact(2) == 1;
    } catch (Throwable e) {
      return false;
    }
  }
}
