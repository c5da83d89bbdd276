package dev.sol.ir.traits;

/** A terminator that returns values to the parent operation. */
public interface ReturnLike {}
