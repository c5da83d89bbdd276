package dev.sol.codegen.llvm;

/** IR that code generation does not handle (yet), or an LLVM failure; the message says which. */
public final class CodegenException extends RuntimeException {
  public CodegenException(String message) { super(message, null, false, false); }
}
