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
    int status;
    try {
      status = run.getAsInt();
    } catch (RuntimeException | Error e) {
      status = report(tool, e);
    }
    System.exit(status);
  }

  static int report(String tool, Throwable e) {
    System.out.flush();
    switch (e) {
      case OutOfMemoryError oom -> System.err.println(tool + ": error: out of memory (" + oom.getMessage()
          + "); raise the Java heap with SOL_JAVA_OPTS=-Xmx...");
      case StackOverflowError so -> System.err.println(tool + ": error: out of stack space (the input nests too deeply); "
          + "raise the stack with SOL_JAVA_OPTS=-Xss...");
      default -> System.err.println(tool + ": internal error: " + e + " (set SOL_DEBUG=1 for a stack trace; please report this)");
    }
    if (System.getenv("SOL_DEBUG") != null) e.printStackTrace();
    return 1;
  }
}
