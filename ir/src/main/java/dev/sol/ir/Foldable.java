package dev.sol.ir;

import java.util.List;

/**
 * An operation that can compute its results without changing the IR around it. Given the
 * constant value of each operand (null where not constant), {@link #fold} returns one
 * entry per result: an {@link Attribute} (a constant to materialize) or an existing
 * {@link Value} (possibly this op's own result, after an in-place update); or null when
 * it cannot fold.
 */
public interface Foldable {
  List<Object> fold(List<Attribute> constantOperands);
}
