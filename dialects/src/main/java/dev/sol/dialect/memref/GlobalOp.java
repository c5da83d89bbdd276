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
  /** public, private or nested; public when the attribute is absent. */
  public String visibility() { return attribute("sym_visibility") instanceof StringAttr v ? v.value() : "public"; }
  /** The dense initial value, or null (uninitialized, or only declared). */
  public DenseElementsAttr initialValue() { return attribute("initial_value") instanceof DenseElementsAttr d ? d : null; }
  public boolean isConstant() { return attribute("constant") != null; }
  /** The requested alignment in bytes, if any. */
  public java.util.OptionalLong alignment() {
    return attribute("alignment") instanceof IntegerAttr a ? java.util.OptionalLong.of(a.value()) : java.util.OptionalLong.empty();
  }

  /**
   * A global {@code name} of {@code type} with {@code visibility} (null for public), the dense
   * {@code initialValue} (null for none), and an alignment in bytes when positive.
   */
  public static GlobalOp create(Builder b, Location loc, String name, String visibility, MemRefType type,
      DenseElementsAttr initialValue, boolean constant, long alignment) {
    OperationState s = new OperationState(SPEC.name(), loc).attribute("sym_name", new StringAttr(name))
        .attribute("type", new TypeAttr(type));
    if (visibility != null) s.attribute("sym_visibility", new StringAttr(visibility));
    if (initialValue != null) s.attribute("initial_value", initialValue);
    if (constant) s.attribute("constant", UnitAttr.INSTANCE);
    if (alignment > 0) s.attribute("alignment", IntegerAttr.i64(alignment));
    return b.create(SPEC, s);
  }

  /** A private constant global holding {@code value}, of the memref type with its shape and element type. */
  public static GlobalOp privateConstant(Builder b, Location loc, String name, DenseElementsAttr value, long alignment) {
    ShapedType t = value.shapedType();
    return create(b, loc, name, "private", new MemRefType(t.shape(), t.element()), value, true, alignment);
  }

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
