package dev.sol.frontend.onnx;

import java.util.List;

/**
 * A node needs a value when importing (a shape, axes, bounds) that comes from graph inputs
 * whose values were not given as constants; {@link #inputs()} names them, so that a caller
 * can say how to give them.
 */
public final class ConstantInputException extends ImportException {
  private final List<String> inputs;
  private final String node;

  ConstantInputException(String message, List<String> inputs, String node) {
    super(message);
    this.inputs = List.copyOf(inputs);
    this.node = node;
  }

  /** The graph inputs the needed value comes from. */
  public List<String> inputs() { return inputs; }

  /** The name of the node that needs the value. */
  public String node() { return node; }
}
