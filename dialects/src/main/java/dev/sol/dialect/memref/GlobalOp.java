package dev.sol.dialect.memref;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A named global buffer, optionally constant and initialized.
 *
 * <pre>{@code "memref.global"() {initial_value = dense<0.0> : tensor<4xf32>, sym_name = "w", sym_visibility = "private", type = memref<4xf32>} : () -> ()}</pre>
 */
public final class GlobalOp extends Operation implements Symbol {
  public static final OpSpec SPEC = OpSpec.named("memref.global", GlobalOp.class, GlobalOp::new)
      .attribute("sym_name", STRING).optionalAttribute("sym_visibility", STRING).attribute("type", MEMREF_TYPE)
      .optionalAttribute("initial_value", ANY_ATTR).optionalAttribute("constant", UNIT).optionalAttribute("alignment", I64);

  private GlobalOp(OperationState state) {
    super(state, SPEC);
  }

  public String symName() { return ((StringAttr) attribute("sym_name")).value(); }
  public MemRefType type() { return (MemRefType) ((TypeAttr) attribute("type")).type(); }
  /** The initial value, or null for an uninitialized global. */
  public Attribute initialValue() { return attribute("initial_value"); }
  public boolean isConstant() { return attribute("constant") != null; }

  @Override public boolean verify(Diagnostics diag) {
    MemRefType type = type();
    if (!type.hasStaticShape()) return diag.report(opError("type should be static shaped memref, but got '" + type + "'"));
    Attribute init = attribute("initial_value");
    if (init != null && !(init instanceof UnitAttr)) {
      if (!(init instanceof DenseElementsAttr d)) return diag.report(opError("initial value should be a unit or elements attribute"));
      Type expected = new RankedTensorType(type.shape(), type.element());
      if (!d.type().equals(expected)) {
        return diag.report(opError("initial value expected to be of type '" + expected + "', but was of type '" + d.type() + "'"));
      }
    }
    return true;
  }
}
