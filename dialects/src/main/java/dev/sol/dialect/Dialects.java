package dev.sol.dialect;

import dev.sol.dialect.arith.ArithDialect;
import dev.sol.dialect.builtin.BuiltinDialect;
import dev.sol.dialect.func.FuncDialect;
import dev.sol.dialect.math.MathDialect;
import dev.sol.dialect.memref.MemRefDialect;
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
        new VectorDialect());
  }

  /** A context with every SOL dialect loaded. */
  public static IRContext newContext() {
    IRContext context = new IRContext();
    for (Dialect d : all()) context.loadDialect(d);
    return context;
  }
}
