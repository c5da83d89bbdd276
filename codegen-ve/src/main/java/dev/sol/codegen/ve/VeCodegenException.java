package dev.sol.codegen.ve;

/** IR that the C emitter cannot translate: an op, type or attribute outside what it supports, named in the message. */
public final class VeCodegenException extends RuntimeException {
  public VeCodegenException(String message) { super(message); }
}
