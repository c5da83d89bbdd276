package dev.sol.tools;

import java.util.function.IntSupplier;

/**
 * What a tool prints when something escapes it: running out of memory or stack is one line
 * that says which limit to raise, and a bug in SOL itself one line that asks for a report.
 * Either way the exit status is 1 and the Java stack trace is shown only when
 * {@code SOL_DEBUG} is set, so users never see one.
 */
final class InternalErrors {
  private InternalErrors() {}

  /** Runs a tool and exits with its status, reporting whatever it throws. */
  static void exit(String tool, IntSupplier run) {
    linkBootstrapsEarly();
    int status;
    try {
      status = run.getAsInt();
    } catch (RuntimeException | Error e) {
      status = report(tool, e);
    }
    System.exit(status);
  }

  /**
   * Initializes the JDK's invokedynamic bootstrapping now, while the stack is shallow. Call
   * sites that the AOT cache linked ahead of time never need it, so the first one that does
   * (a string concatenation, a pattern switch) may come deep inside a recursive parse; if the
   * stack runs out there, the class stays unusable and this report itself would fail with a
   * NoClassDefFoundError and a stack trace.
   */
  private static void linkBootstrapsEarly() {
    try {
      Class.forName("java.lang.invoke.BootstrapMethodInvoker", true, null);
    } catch (ClassNotFoundException e) {
      // A JDK without this class links call sites some other way: nothing to prepare.
    }
  }

  static int report(String tool, Throwable e) {
    System.out.flush();
    switch (exhausted(e)) {
      case OutOfMemoryError oom -> System.err.println(tool + ": error: out of memory (" + oom.getMessage()
          + "); raise the Java heap with SOL_JAVA_OPTS=-Xmx...");
      case StackOverflowError so -> System.err.println(tool + ": error: out of stack space (the input nests too deeply); "
          + "raise the stack with SOL_JAVA_OPTS=-Xss...");
      case null, default -> System.err.println(tool + ": internal error: " + e + " (set SOL_DEBUG=1 for a stack trace; please report this)");
    }
    if (System.getenv("SOL_DEBUG") != null) e.printStackTrace();
    return 1;
  }

  /**
   * The OutOfMemoryError or StackOverflowError behind {@code e}, or null. A class whose static
   * initializer ran out of stack fails later as NoClassDefFoundError, naming the error only in
   * its cause's message.
   */
  private static VirtualMachineError exhausted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError || t instanceof StackOverflowError) return (VirtualMachineError) t;
      String m = String.valueOf(t.getMessage());
      if (m.contains("java.lang.StackOverflowError")) return new StackOverflowError();
      if (m.contains("java.lang.OutOfMemoryError")) return new OutOfMemoryError(m);
    }
    return null;
  }
}
