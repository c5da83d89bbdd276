package dev.sol.lowering.nn2loops;

/** An nn op, or an element type, that has no lowering yet: the message is the error reported at the op. */
final class Unsupported extends RuntimeException {
  Unsupported(String message) { super(message); }
}
