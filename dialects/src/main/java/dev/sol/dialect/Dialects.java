package dev.sol.dialect;

import dev.sol.dialect.arith.ArithDialect;
import dev.sol.dialect.builtin.BuiltinDialect;
import dev.sol.dialect.func.FuncDialect;
import dev.sol.dialect.math.MathDialect;
import dev.sol.dialect.memref.MemRefDialect;
import dev.sol.dialect.nn.NnDialect;
import dev.sol.dialect.scf.ScfDialect;
import dev.sol.dialect.vector.VectorDialect;
import dev.sol.ir.Dialect;
import dev.sol.ir.IRContext;
import java.util.List;

/** The dialects that SOL ships. */
public final class Dialects {
  private Dialects() {}

  public static List<Dialect> all() {
    return List.of(new BuiltinDialect(), new FuncDialect(), new ArithDialect(), new MathDialect(), new ScfDialect(), new MemRefDialect(),
        new VectorDialect(), new dev.sol.dialect.bufferization.BufferizationDialect());
  }

  /**
   * A context with the loop-level dialects and the nn dialect. The nn dialect is not
   * loaded by {@link #newContext()}, so that IR using other
   * {@code nn.*} ops (written for mlir-opt, where nn is unregistered) keeps passing through
   * sol-opt unchanged under --allow-unregistered-dialect.
   */
  public static IRContext newContextWithNn() {
    return newContext().loadDialect(new NnDialect());
  }

  /** A context with every SOL dialect loaded. */
  public static IRContext newContext() {
    IRContext context = new IRContext();
    for (Dialect d : all()) context.loadDialect(d);
    return context;
  }
}
