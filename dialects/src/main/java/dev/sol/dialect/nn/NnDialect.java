package dev.sol.dialect.nn;

import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.List;

/** The nn dialect: framework-level tensor operations with static shapes, NCHW. */
public final class NnDialect implements Dialect {
  @Override public String namespace() { return "nn"; }

  @Override public List<OpSpec> operations() { return NnOps.SPECS; }

  /** Folded nn values become nn.constant operations. */
  @Override public Operation materializeConstant(Builder builder, Attribute value, Type type, Location loc) {
    if (!(value instanceof DenseElementsAttr d) || !d.type().equals(type)) return null;
    return builder.create(new OperationState(ConstantOp.SPEC.name(), loc).attribute("value", value).results(type));
  }

  @Override public List<RewritePattern> canonicalizationPatterns() { return new ArrayList<>(NnCanonicalization.patterns()); }
}
