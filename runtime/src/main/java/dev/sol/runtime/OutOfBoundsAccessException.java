package dev.sol.runtime;

/**
 * A run of a model compiled with {@link SolOptions#checkBounds} touched memory outside a buffer:
 * the message names the access's location in the model, the op, the dimension, the index and
 * the size. The access did not happen (a load read zero); the outputs of the run are not
 * returned.
 */
public final class OutOfBoundsAccessException extends RuntimeException {
  public OutOfBoundsAccessException(String message) { super(message, null, false, false); }
}
