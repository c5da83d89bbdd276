package dev.sol.textir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sol.ir.FileLineColLoc;
import dev.sol.ir.IRContext;
import dev.sol.ir.Operation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Input beyond what SOL takes (huge integers, deep nesting, bytes that are not UTF-8) is a located ParseException, never a crash. */
class ParserLimitsTest {
  private static Operation parse(String text) {
    return IRParser.parse(new IRContext().setAllowUnregisteredDialects(true), new SourceBuffer("t.mlir", text));
  }

  private static String error(String text) {
    ParseException e = assertThrows(ParseException.class, () -> parse(text));
    FileLineColLoc at = e.diagnostic().location().filePosition();
    return at.line() + ":" + at.column() + ": " + e.getMessage();
  }

  @Test void integersTooLargeForWhatTheyCountAreLocated() {
    assertEquals("1:28: invalid dimension: integer too large (99999999999999999999)",
        error("\"t.op\"() : () -> (tensor<1x99999999999999999999xf32>)"));
    assertEquals("1:4: invalid result count: integer too large (99999999999999999999)",
        error("%0:99999999999999999999 = \"t.op\"() : () -> (i32)"));
    assertEquals("2:11: invalid SSA value result number: integer too large (99999999999999999999)",
        error("%0 = \"t.def\"() : () -> i32\n\"t.use\"(%0#99999999999999999999) : (i32) -> ()"));
    assertEquals("1:19: tensor type has 4294967296 elements, more than SOL's limit of 2147483647",
        error("\"t.op\"() : () -> (tensor<65536x65536xf32>)"));
  }

  @Test void nestingIsBoundedBeforeTheStackIs() {
    int deep = GuardedListener.MAX_REGION_DEPTH + 1;
    String regions = "\"t.op\"() ({\n".repeat(deep) + "}) : () -> ()\n".repeat(deep);
    assertEquals(deep + ":11: regions are nested more than 500 levels deep", error(regions));
    parse("\"t.op\"() ({\n".repeat(deep - 1) + "}) : () -> ()\n".repeat(deep - 1));
    String brackets = "\"t.op\"() {a = " + "[".repeat(50_000) + "]".repeat(50_000) + "} : () -> ()";
    assertEquals("1:2510: attributes or types are nested too deeply (SOL's parser allows 2500 nested grammar rules)", error(brackets));
  }

  @Test void invalidUtf8IsLocatedByLineAndColumn() {
    byte[] bytes = "\"t.op\"() : () -> ()\n// café \u00ff\n".getBytes(StandardCharsets.UTF_8);
    assertEquals("\"t.op\"() : () -> ()\n// café ÿ\n", SourceBuffer.decode("t.mlir", bytes).text());
    bytes[bytes.length - 3] = (byte) 0xff;
    ParseException e = assertThrows(ParseException.class, () -> SourceBuffer.decode("t.mlir", bytes));
    FileLineColLoc at = e.diagnostic().location().filePosition();
    assertEquals("t.mlir:2:9", at.file() + ":" + at.line() + ":" + at.column());
    assertEquals("invalid UTF-8 (byte 0xff); SOL reads UTF-8 text", e.getMessage());
  }

  @Test void mlirsCustomFormGetsAHint() {
    assertEquals("1:1: expected an operation name in quotes, but found 'module': SOL reads MLIR's generic form; "
        + "print it with mlir-opt --mlir-print-op-generic", error("module {\n}\n"));
  }
}
