package dev.sol.dialect;

/**
 * An op whose integer result element at each position is a function of the operand elements
 * at that position (arith's integer arithmetic). The formula is written once, in
 * {@link #apply}: the op's fold and the reference interpreter both call it.
 */
public interface IntElementwise {
  /**
   * The result for one element position. Operands are two's complement integers of
   * {@code width} bits (64 for index) held sign-extended in longs; whoever stores the result
   * wraps it to the width. Throws {@link ArithmeticException} where the op has no result at
   * all (integer division by zero); fold then gives up and the interpreter reports it.
   */
  long apply(int width, long... operands);
}
