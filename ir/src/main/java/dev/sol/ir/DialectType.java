package dev.sol.ir;

/** Extension point for types that a dialect defines; {@code toString} prints {@code !dialect.name<...>}. */
public non-sealed interface DialectType extends Type {}
