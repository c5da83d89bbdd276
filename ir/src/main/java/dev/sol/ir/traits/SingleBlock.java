package dev.sol.ir.traits;

/** Each of its regions has at most one block. */
public interface SingleBlock {}
