package dev.sol.runtime;

/** A model that cannot be compiled (unreadable or invalid file, unsupported operators, failed lowering) or bad tensor data. */
public class SolException extends Exception {
  public SolException(String message) { super(message, null, false, false); }

  public SolException(String message, Throwable cause) { super(message, cause, false, false); }
}
