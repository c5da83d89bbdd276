package dev.sol.dialect.bufferization;

import dev.sol.ir.*;
import java.util.List;

/** The casts between tensors and buffers that bufferization works with, as in MLIR. */
public final class BufferizationDialect implements Dialect {
  @Override public String namespace() { return "bufferization"; }

  @Override public List<OpSpec> operations() { return List.of(ToMemrefOp.SPEC, ToTensorOp.SPEC); }
}
