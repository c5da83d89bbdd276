package dev.sol.dialect.func;

import dev.sol.dialect.Constraints;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;

/**
 * A function: a symbol with a signature and a body region (empty for a declaration).
 *
 * <pre>{@code "func.func"() ({ ^bb0(%arg0: f32): "func.return"(%arg0) : (f32) -> () }) {function_type = (f32) -> f32, sym_name = "id"} : () -> ()}</pre>
 */
public final class FuncOp extends Operation implements IsolatedFromAbove, Symbol {
  public static final OpSpec SPEC = OpSpec.named("func.func", FuncOp.class, FuncOp::new)
      .attribute("sym_name", STRING).attribute("function_type", FUNCTION_TYPE).optionalAttribute("sym_visibility", STRING)
      .optionalAttribute("arg_attrs", DICT_ARRAY).optionalAttribute("res_attrs", DICT_ARRAY).regions(1);

  private FuncOp(OperationState state) {
    super(state, SPEC);
  }

  public String symName() { return ((StringAttr) attribute("sym_name")).value(); }
  public FunctionType functionType() { return (FunctionType) ((TypeAttr) attribute("function_type")).type(); }
  public boolean isDeclaration() { return region(0).isEmpty(); }
  public Block body() { return region(0).entryBlock(); }
  /** public, private or nested; public when the attribute is absent. */
  public String visibility() { return attribute("sym_visibility") instanceof StringAttr v ? v.value() : "public"; }
  public java.util.List<BlockArgument> arguments() { return body().arguments(); }

  /** A public function {@code name} of {@code type} whose entry block has the input types as arguments and no operations yet. */
  public static FuncOp create(Builder b, Location loc, String name, FunctionType type) {
    OperationState s = state(loc, name, type);
    Block entry = s.addRegion().addBlock();
    for (Type t : type.inputs()) entry.addArgument(t, loc);
    return b.create(SPEC, s);
  }

  /** A private declaration of {@code name}: a function without a body. */
  public static FuncOp declare(Builder b, Location loc, String name, FunctionType type) {
    OperationState s = state(loc, name, type).attribute("sym_visibility", new StringAttr("private"));
    s.addRegion();
    return b.create(SPEC, s);
  }

  private static OperationState state(Location loc, String name, FunctionType type) {
    return new OperationState(SPEC.name(), loc).attribute("sym_name", new StringAttr(name)).attribute("function_type", new TypeAttr(type));
  }

  @Override public boolean verify(Diagnostics diag) {
    FunctionType type = functionType();
    if (attribute("sym_visibility") instanceof StringAttr v && !java.util.List.of("public", "private", "nested").contains(v.value())) {
      return diag.report(opError("visibility expected to be one of [\"public\", \"private\", \"nested\"], but got \"" + v.value() + "\""));
    }
    if (attribute("arg_attrs") instanceof ArrayAttr a && a.elements().size() != type.inputs().size()) {
      return diag.report(opError("expects argument attribute array to have the same number of elements as the number of function arguments, got "
          + a.elements().size() + ", but expected " + type.inputs().size()));
    }
    if (attribute("res_attrs") instanceof ArrayAttr a && a.elements().size() != type.results().size()) {
      return diag.report(opError("expects result attribute array to have the same number of elements as the number of function results, got "
          + a.elements().size() + ", but expected " + type.results().size()));
    }
    if (isDeclaration()) {
      if (!(attribute("sym_visibility") instanceof StringAttr v) || v.value().equals("public")) {
        return diag.report(opError("symbol declaration cannot have public visibility"));
      }
      return true;
    }
    Block entry = body();
    if (entry.numArguments() != type.inputs().size()) {
      return diag.report(opError("entry block must have " + type.inputs().size() + " arguments to match function signature"));
    }
    for (int i = 0; i < entry.numArguments(); i++) {
      Type a = entry.argument(i).type();
      if (!a.equals(type.inputs().get(i))) {
        return diag.report(opError("type of entry block argument #" + i + "('" + a
            + "') must match the type of the corresponding argument in function signature('" + type.inputs().get(i) + "')"));
      }
    }
    return true;
  }
}
