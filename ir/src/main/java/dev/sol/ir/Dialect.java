package dev.sol.ir;

import java.util.List;

/** A namespace of operations, e.g. {@code arith}; lists the specs of its operations. */
public interface Dialect {
  String namespace();

  List<OpSpec> operations();

  /** Canonicalization patterns of this dialect's operations. */
  default List<RewritePattern> canonicalizationPatterns() { return List.of(); }

  /**
   * Creates an operation producing the constant {@code value} of {@code type} at the
   * builder's insertion point, for folding; null when this dialect cannot.
   */
  default Operation materializeConstant(Builder builder, Attribute value, Type type, Location loc) { return null; }
}
