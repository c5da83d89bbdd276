package dev.sol.ir.traits;

/** Its single-block regions need no terminator. */
public interface NoTerminator {}
