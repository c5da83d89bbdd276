package dev.sol.ir;

import java.util.List;

/** A namespace of operations, e.g. {@code arith}; lists the specs of its operations. */
public interface Dialect {
  String namespace();

  List<OpSpec> operations();
}
