package dev.sol.ir.traits;

/** Its regions may not use values defined outside of them. */
public interface IsolatedFromAbove {}
