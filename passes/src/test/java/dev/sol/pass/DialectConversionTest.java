package dev.sol.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sol.ir.*;
import dev.sol.pass.conversion.ConversionPattern;
import dev.sol.pass.conversion.ConversionRewriter;
import dev.sol.pass.conversion.ConversionTarget;
import dev.sol.pass.conversion.DialectConversion;
import dev.sol.pass.conversion.TypeConverter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialectConversionTest {
  private final TestIR ir = new TestIR();

  private static final String INPUT = """
      "func.func"() ({
      ^bb0(%x: i32):
        %0 = "src.inc"(%x) : (i32) -> i32
        %1 = "src.inc"(%0) : (i32) -> i32
        "func.return"(%1) : (i32) -> ()
      }) {function_type = (i32) -> i32, sym_name = "f"} : () -> ()
      """;

  /** src.inc(x : i32) -> dst.inc(x' : i64) with i32 converted to i64. */
  private static ConversionPattern incToDst(TypeConverter tc) {
    return new ConversionPattern("src.inc", 1, tc) {
      @Override public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionRewriter rewriter) {
        Operation n = rewriter.create(new OperationState("dst.inc", op.location()).operands(operands)
            .results(IntegerType.I64));
        rewriter.replaceOp(op, n.results());
        return true;
      }
    };
  }

  private static TypeConverter widen() {
    return new TypeConverter().addConversion(t -> t).addConversion(t -> t.equals(IntegerType.I32) ? IntegerType.I64 : null);
  }

  @Test void convertsWithConvertedOperandsAndMaterializations() {
    Operation m = ir.parse(INPUT);
    ConversionTarget target = new ConversionTarget().addIllegalDialect("src").addLegalDialect("dst");
    assertTrue(DialectConversion.applyPartialConversion(ir.context, m, target, List.of(incToDst(widen()))), ir.diagnostics.toString());
    String out = TestIR.print(m);
    assertFalse(out.contains("src.inc"), out);
    assertTrue(out.contains("%0 = \"builtin.unrealized_conversion_cast\"(%arg0) : (i32) -> i64"), out);
    assertTrue(out.contains("%1 = \"dst.inc\"(%0) : (i64) -> i64"), out);
    assertTrue(out.contains("%2 = \"dst.inc\"(%1) : (i64) -> i64"), out);
    assertTrue(out.contains("\"builtin.unrealized_conversion_cast\"(%2) : (i64) -> i32"), out);
    assertTrue(Verifier.verify(m, ir.context), ir.diagnostics.toString());
  }

  @Test void failureRollsEverythingBack() {
    Operation m = ir.parse(INPUT.replace("%1 = \"src.inc\"(%0)", "%1 = \"src.other\"(%0)"));
    String before = TestIR.print(m);
    ConversionTarget target = new ConversionTarget().addIllegalDialect("src").addLegalDialect("dst");
    assertFalse(DialectConversion.applyPartialConversion(ir.context, m, target, List.of(incToDst(widen()))));
    assertEquals(before, TestIR.print(m));
    assertEquals("failed to legalize operation 'src.other' that was explicitly marked illegal", ir.diagnostics.getFirst().message());
    assertEquals(new FileLineColLoc("test.mlir", 4, 8), ir.diagnostics.getFirst().location().filePosition());
  }

  @Test void aFailingPatternIsUndoneAndTheNextOneTried() {
    Operation m = ir.parse(INPUT);
    ConversionPattern halfDone = new ConversionPattern("src.inc", 10, null) {
      @Override public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionRewriter rewriter) {
        rewriter.create(new OperationState("dst.junk", op.location()).results(IntegerType.I1));
        return false;
      }
    };
    ConversionTarget target = new ConversionTarget().addIllegalDialect("src").addLegalDialect("dst");
    assertTrue(DialectConversion.applyPartialConversion(ir.context, m, target, List.of(halfDone, incToDst(widen()))));
    assertFalse(TestIR.print(m).contains("dst.junk"), TestIR.print(m));
  }

  @Test void fullConversionRequiresEverythingLegal() {
    Operation m = ir.parse(INPUT);
    ConversionTarget target = new ConversionTarget().addIllegalDialect("src").addLegalDialect("dst").addLegalDialect("builtin");
    assertFalse(DialectConversion.applyFullConversion(ir.context, m, target, List.of(incToDst(widen()))));
    assertEquals("failed to legalize operation 'func.func'", ir.diagnostics.getFirst().message());
    target.addLegalDialect("func");
    ir.diagnostics.clear();
    assertTrue(DialectConversion.applyFullConversion(ir.context, m, target, List.of(incToDst(widen()))), ir.diagnostics.toString());
  }

  @Test void dynamicLegalityDecidesPerOperation() {
    Operation m = ir.parse(INPUT);
    TypeConverter tc = widen();
    ConversionTarget target = new ConversionTarget().addLegalDialect("dst")
        .addDynamicallyLegalOp("src.inc", op -> op.operand(0) instanceof BlockArgument);
    assertTrue(DialectConversion.applyPartialConversion(ir.context, m, target, List.of(incToDst(tc))));
    String out = TestIR.print(m);
    assertEquals(1, out.split("\"src.inc\"", -1).length - 1, out);
    assertEquals(1, out.split("\"dst.inc\"", -1).length - 1, out);
  }

  @Test void aPatternsFailureReasonBecomesTheErrorAndTheIrIsRestored() {
    Operation m = ir.parse(INPUT);
    String before = TestIR.print(m);
    ConversionPattern refuses = new ConversionPattern("src.inc", 1, null) {
      @Override public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionRewriter rewriter) {
        rewriter.create(new OperationState("dst.junk", op.location()).results(IntegerType.I1));
        return rewriter.notifyMatchFailure(op, "src.inc on i32 has no conversion yet");
      }
    };
    ConversionPattern alsoRefuses = new ConversionPattern(null, 0, null) {
      @Override public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionRewriter rewriter) {
        return rewriter.notifyMatchFailure(op, "a later reason is not reported");
      }
    };
    ConversionTarget target = new ConversionTarget().addIllegalDialect("src").addLegalDialect("dst");
    assertFalse(DialectConversion.applyPartialConversion(ir.context, m, target, List.of(alsoRefuses, refuses)));
    assertEquals(before, TestIR.print(m));
    assertEquals(1, ir.diagnostics.size(), ir.diagnostics.toString());
    assertEquals("src.inc on i32 has no conversion yet", ir.diagnostics.getFirst().message());
    assertEquals(new FileLineColLoc("test.mlir", 3, 8), ir.diagnostics.getFirst().location().filePosition());
  }
}
