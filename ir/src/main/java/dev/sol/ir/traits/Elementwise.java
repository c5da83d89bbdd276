package dev.sol.ir.traits;

/** Applies the same computation to every element of its shaped operands. */
public interface Elementwise {}
