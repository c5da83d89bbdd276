package dev.sol.ir;

/** A {@link RewritePattern} on one registered operation class. */
public abstract class OpRewritePattern<T extends Operation> extends RewritePattern {
  private final Class<T> type;

  protected OpRewritePattern(Class<T> type, OpSpec spec, int benefit) {
    super(spec.name(), benefit);
    this.type = type;
  }

  protected OpRewritePattern(Class<T> type, OpSpec spec) { this(type, spec, 1); }

  @Override public final boolean rewrite(Operation op, PatternRewriter rewriter) {
    return type.isInstance(op) && matchAndRewrite(type.cast(op), rewriter);
  }

  public abstract boolean matchAndRewrite(T op, PatternRewriter rewriter);
}
