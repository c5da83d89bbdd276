package dev.sol.ir.traits;

/** All operands and results have one shape (or are all scalars). */
public interface SameOperandsAndResultShape {}
