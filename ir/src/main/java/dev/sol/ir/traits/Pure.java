package dev.sol.ir.traits;

/** No side effects: may be erased when unused, hoisted and deduplicated. */
public interface Pure {}
