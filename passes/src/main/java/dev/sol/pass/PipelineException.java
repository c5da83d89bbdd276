package dev.sol.pass;

/** A malformed pipeline or option: unknown pass, wrong anchor, bad option value. */
public final class PipelineException extends RuntimeException {
  public PipelineException(String message) { super(message, null, false, false); }
}
