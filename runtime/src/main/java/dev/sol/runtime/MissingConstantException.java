package dev.sol.runtime;

import java.util.List;

/**
 * A node needs a value when compiling (a shape, axes, bounds) that comes from graph inputs
 * whose values were not given with {@link SolOptions#constant}. Graph inputs are never folded
 * into compiled code implicitly.
 */
public final class MissingConstantException extends SolException {
  private final String problem;
  private final List<String> inputs;
  private final String node;

  MissingConstantException(String problem, List<String> inputs, String node) {
    super(problem + "; give " + (inputs.size() == 1 ? "it" : "them") + " with " + hint(inputs));
    this.problem = problem;
    this.inputs = List.copyOf(inputs);
    this.node = node;
  }

  private static String hint(List<String> inputs) {
    return String.join(" and ", inputs.stream().map(n -> "SolOptions.constant(\"" + n + "\", value)").toList());
  }

  /** The message without the advice on how to give the constants (for tools that give them otherwise). */
  public String problem() { return problem; }

  /** The graph inputs whose values are needed. */
  public List<String> inputs() { return inputs; }

  /** The node that needs them. */
  public String node() { return node; }
}
