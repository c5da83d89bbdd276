package dev.sol.pass;

import dev.sol.ir.Operation;

/**
 * A transformation or analysis over one operation (the anchor). Passes are small
 * stateless classes annotated with {@link PassInfo}; their options are a record
 * (use {@link NoOptions} for none) with defaults from {@link #defaultOptions()}.
 *
 * @param <O> the options record
 */
public interface Pass<O extends Record> {
  O defaultOptions();

  /**
   * Runs on {@code op}. Returns false after reporting an error through
   * {@code state.context().diagnostics()}; the pipeline then stops.
   */
  boolean run(Operation op, O options, PassState state);

  default PassInfo info() {
    PassInfo info = getClass().getAnnotation(PassInfo.class);
    if (info == null) throw new IllegalStateException(getClass().getName() + " lacks @PassInfo");
    return info;
  }
}
