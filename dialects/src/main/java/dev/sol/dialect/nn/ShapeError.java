package dev.sol.dialect.nn;

/** An nn operation whose operands or attributes do not fit together; the message says how. */
public final class ShapeError extends RuntimeException {
  public ShapeError(String message) { super(message, null, false, false); }
}
