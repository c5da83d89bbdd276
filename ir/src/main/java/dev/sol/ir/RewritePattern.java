package dev.sol.ir;

/**
 * A rewrite of one kind of operation. {@link #rewrite} returns true only when it changed
 * the IR, and makes every change through the {@link PatternRewriter}. Patterns on one op
 * class extend {@link OpRewritePattern} and implement its typed {@code matchAndRewrite}.
 */
public abstract class RewritePattern {
  private final String rootName;
  private final int benefit;

  /**
   * @param rootName the operation name this pattern matches, or null for any operation
   * @param benefit higher benefits are tried first
   */
  protected RewritePattern(String rootName, int benefit) {
    this.rootName = rootName;
    this.benefit = benefit;
  }

  public final String rootName() { return rootName; }

  public final int benefit() { return benefit; }

  /** The name used in debugging output; the class name by default. */
  public String debugName() { return getClass().getSimpleName(); }

  /** Tries the pattern on {@code op}; true when it changed the IR. */
  public abstract boolean rewrite(Operation op, PatternRewriter rewriter);
}
