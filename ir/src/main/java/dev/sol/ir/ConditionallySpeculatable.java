package dev.sol.ir;

/** An operation that may trap (e.g. integer division by zero) unless its operands rule it out. */
public interface ConditionallySpeculatable {
  boolean isSpeculatable();
}
