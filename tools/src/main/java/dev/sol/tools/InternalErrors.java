package dev.sol.tools;

/**
 * Reports a bug in SOL itself as one line and exit status 1; the Java stack trace is shown
 * only when {@code SOL_DEBUG} is set, so users never see one for bad input.
 */
final class InternalErrors {
  private InternalErrors() {}

  static int report(String tool, Throwable e) {
    System.out.flush();
    if (e instanceof OutOfMemoryError) {
      System.err.println(tool + ": error: out of memory; raise the heap with SOL_JAVA_OPTS=-Xmx...");
    } else {
      System.err.println(tool + ": internal error: " + e + " (set SOL_DEBUG=1 for a stack trace; please report this)");
    }
    if (System.getenv("SOL_DEBUG") != null) e.printStackTrace();
    return 1;
  }
}
