package dev.sol.dialect.nn;

import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.List;

/** The nn dialect: framework-level tensor operations with static shapes, NCHW. */
public final class NnDialect implements Dialect {
  /** The prefix of the dialect's op names. */
  public static final String NAMESPACE = "nn";

  @Override public String namespace() { return NAMESPACE; }

  @Override public List<OpSpec> operations() { return NnOps.SPECS; }

  /** Folded nn values become nn.constant operations. */
  @Override public Operation materializeConstant(Builder builder, Attribute value, Type type, Location loc) {
    if (!(value instanceof DenseElementsAttr d) || !d.type().equals(type)) return null;
    return ConstantOp.create(builder, loc, d);
  }

  @Override public List<RewritePattern> canonicalizationPatterns() { return new ArrayList<>(NnCanonicalization.patterns()); }
}
