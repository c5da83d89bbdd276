package dev.sol.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sol.dialect.arith.AddFOp;
import dev.sol.dialect.arith.ConstantOp;
import dev.sol.dialect.builtin.ModuleOp;
import dev.sol.dialect.func.FuncOp;
import dev.sol.dialect.func.ReturnOp;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Builds IR through the Java API and checks what the verifier says about it. */
class VerifierTest {
  private final IRContext ctx = Dialects.newContext();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  VerifierTest() { ctx.diagnostics().pushHandler(diagnostics::add); }

  private FuncOp function(ModuleOp module, FunctionType type) {
    OperationState s = new OperationState("func.func", Location.UNKNOWN)
        .attribute("sym_name", new StringAttr("f")).attribute("function_type", new TypeAttr(type));
    Block entry = s.addRegion().addBlock();
    for (Type t : type.inputs()) entry.addArgument(t, Location.UNKNOWN);
    FuncOp f = (FuncOp) Operation.create(ctx, s);
    module.body().append(f);
    return f;
  }

  @Test void registeredOpsAreTheirClasses() {
    ModuleOp module = ModuleOp.create(ctx, Location.UNKNOWN);
    FuncOp f = function(module, new FunctionType(List.of(FloatType.F32), List.of(FloatType.F32)));
    Builder b = new Builder(ctx).atEnd(f.body());
    ConstantOp c = b.create(ConstantOp.class, new OperationState("arith.constant", Location.UNKNOWN)
        .attribute("value", new FloatAttr(FloatType.F32, 2)).results(FloatType.F32));
    Operation add = b.create(new OperationState("arith.addf", Location.UNKNOWN)
        .operands(f.body().argument(0), c.result()).results(FloatType.F32));
    b.create(new OperationState("func.return", Location.UNKNOWN).operands(add.result()));
    AddFOp typed = assertInstanceOf(AddFOp.class, add);
    assertTrue(typed.rhs().definingOp() instanceof ConstantOp);
    assertInstanceOf(ReturnOp.class, f.body().back());
    assertTrue(Verifier.verify(module, ctx), diagnostics.toString());
  }

  @Test void typeConstraintsNameTheOperand() {
    ModuleOp module = ModuleOp.create(ctx, Location.UNKNOWN);
    FuncOp f = function(module, new FunctionType(List.of(IntegerType.I32), List.of()));
    Builder b = new Builder(ctx).atEnd(f.body());
    b.create(new OperationState("arith.addf", new FileLineColLoc("x.mlir", 3, 5))
        .operands(f.body().argument(0), f.body().argument(0)).results(IntegerType.I32));
    b.create(new OperationState("func.return", Location.UNKNOWN));
    assertFalse(Verifier.verify(module, ctx));
    assertEquals("'arith.addf' op operand #0 must be floating-point-like, but got 'i32'", diagnostics.getFirst().message());
    assertEquals(new FileLineColLoc("x.mlir", 3, 5), diagnostics.getFirst().location());
  }

  @Test void returnMustMatchTheSignature() {
    ModuleOp module = ModuleOp.create(ctx, Location.UNKNOWN);
    FuncOp f = function(module, new FunctionType(List.of(), List.of(FloatType.F32)));
    new Builder(ctx).atEnd(f.body()).create(new OperationState("func.return", Location.UNKNOWN));
    assertFalse(Verifier.verify(module, ctx));
    assertEquals("'func.return' op has 0 operands, but enclosing function (@f) returns 1", diagnostics.getFirst().message());
  }

  @Test void everyDialectListsItsOps() {
    for (String name : List.of("builtin.module", "func.call", "arith.cmpf", "math.erf", "scf.while", "memref.subview",
        "vector.transfer_write")) {
      assertTrue(ctx.lookupOp(name) != null, name);
    }
  }
}
