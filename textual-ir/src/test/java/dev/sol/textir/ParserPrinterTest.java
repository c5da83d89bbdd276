package dev.sol.textir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sol.ir.*;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParserPrinterTest {
  private static IRContext context() { return new IRContext().setAllowUnregisteredDialects(true); }

  private static Operation parse(String text) { return IRParser.parse(context(), new SourceBuffer("t.mlir", text)); }

  private static String roundTrip(String text) { return AsmPrinter.toString(parse(text), false); }

  @Test void printingIsAFixpoint() {
    String input = """
        %0:2 = "t.pair"() : () -> (i32, f32)
        "t.region"(%0#1) ({
        ^bb0(%a: f32):
          %1 = "t.use"(%a, %0#0) {k = [1, 2.5 : f32], m = affine_map<(d0)[s0] -> (d0 - s0)>} : (f32, i32) -> memref<4xf32, #map>
          "t.br"(%1)[^bb1] : (memref<4xf32, #map>) -> ()
        ^bb1:
          "t.end"() : () -> ()
        }) : (f32) -> ()
        #map = affine_map<(d0) -> (d0 + 1)>
        """;
    assertThrows(ParseException.class, () -> parse(input), "aliases must be defined before use");
    String fixed = "#map = affine_map<(d0) -> (d0 + 1)>\n" + input.substring(0, input.lastIndexOf("#map ="));
    String once = roundTrip(fixed);
    assertEquals(once, roundTrip(once));
    assertTrue(once.contains("%1 = \"t.use\"(%arg0, %0#0) {k = [1, 2.500000e+00 : f32], m = #map1}"), once);
    assertTrue(once.contains("^bb1:  // pred: ^bb0"), once);
  }

  @Test void forwardReferencesResolveAndUsesAreLinked() {
    Operation module = parse("""
        %a = "t.use"(%b) : (i32) -> i32
        %b = "t.def"() : () -> i32
        """);
    Block body = module.region(0).entryBlock();
    Operation use = body.front();
    Operation def = body.back();
    assertSame(def.result(0), use.operand(0));
    assertEquals(1, def.result(0).users().size());
  }

  @Test void errorsCarryFileLineAndColumn() {
    ParseException e = assertThrows(ParseException.class, () -> parse("\n  %0 = \"t.x\"(%nope) : (i32) -> i32\n"));
    FileLineColLoc loc = assertInstanceOf(FileLineColLoc.class, e.diagnostic().location());
    assertEquals("t.mlir", loc.file());
    assertEquals(2, loc.line());
    assertEquals(14, loc.column());
    assertEquals("use of undeclared SSA value name", e.diagnostic().message());
  }

  @Test void syntaxErrorsAreOneClearMessage() {
    ParseException e = assertThrows(ParseException.class, () -> parse("\"t.x\"() : () -> tensor<4x>"));
    assertEquals("expected non-function type, but found '>'", e.diagnostic().message());
  }

  @Test void largeWeightsRoundTripBitExactly() {
    Random random = new Random(1);
    double[] values = new double[4096];
    for (int i = 0; i < values.length; i++) values[i] = Float.intBitsToFloat(random.nextInt());
    values[7] = Double.NaN;
    var type = new RankedTensorType(new long[] {64, 64}, FloatType.F32);
    DenseElementsAttr weights = DenseElementsAttr.ofDoubles(type, values);
    String text = "\"t.w\"() {w = " + weights + "} : () -> ()";
    Operation module = parse(text);
    DenseElementsAttr back = (DenseElementsAttr) module.region(0).entryBlock().front().attribute("w");
    assertEquals(weights, back);
    assertTrue(weights.toString().startsWith("dense<\"0x"));
  }

  @Test void implicitModuleWrapsTopLevelOperations() {
    Operation module = parse("\"t.a\"() : () -> ()\n\"t.b\"() : () -> ()");
    assertEquals("builtin.module", module.name());
    assertEquals(2, module.region(0).entryBlock().size());
  }
}
