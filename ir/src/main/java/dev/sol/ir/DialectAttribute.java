package dev.sol.ir;

/** Extension point for attributes that a dialect defines. */
public non-sealed interface DialectAttribute extends Attribute {}
