package dev.sol.pass;

/** The options record of a pass without options. */
public record NoOptions() {
  public static final NoOptions INSTANCE = new NoOptions();
}
