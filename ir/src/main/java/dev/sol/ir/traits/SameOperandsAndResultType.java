package dev.sol.ir.traits;

/** All operands and results have one type. */
public interface SameOperandsAndResultType {}
