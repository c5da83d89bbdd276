package dev.sol.dialect;

/**
 * An op whose float result element at each position is a function of the operand elements
 * at that position (arith's float arithmetic, math's functions, vector.fma). The formula is
 * written once, in {@link #apply}: the op's fold and the reference interpreter both call it.
 */
public interface FloatElementwise {
  /**
   * The result for one element position, as a double; whoever stores it rounds it to the
   * result's element type (every narrower float widens to a double exactly).
   */
  double apply(double... operands);
}
