package dev.sol.frontend.onnx;

/** A model that cannot be imported: not ONNX, truncated, unsupported ops or opsets, missing shapes or constants. */
public class ImportException extends Exception {
  public ImportException(String message) { super(message, null, false, false); }
}
