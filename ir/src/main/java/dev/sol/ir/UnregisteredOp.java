package dev.sol.ir;

/** An operation whose name no loaded dialect defines; allowed with --allow-unregistered-dialect. */
public final class UnregisteredOp extends Operation {
  UnregisteredOp(OperationState state) { super(state, null); }
}
