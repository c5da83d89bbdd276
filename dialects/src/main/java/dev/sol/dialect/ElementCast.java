package dev.sol.dialect;

import dev.sol.ir.Type;

/**
 * A conversion of one element from the operand's element type to the result's (arith's
 * casts). The rule is written once, in {@link #convert}: the op's fold and the reference
 * interpreter both call it.
 */
public interface ElementCast {
  /**
   * Converts {@code value}, an element of type {@code from}, to type {@code to}. Integers
   * travel as {@link Long} (sign-extended from their width), floats as {@link Double}; whoever
   * stores the result wraps integers to the width of {@code to} and rounds floats to it.
   */
  Number convert(Number value, Type from, Type to);
}
