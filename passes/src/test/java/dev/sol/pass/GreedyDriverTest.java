package dev.sol.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sol.ir.*;
import dev.sol.pass.rewrite.GreedyRewriteDriver;
import dev.sol.pass.rewrite.WalkRewriteDriver;
import java.util.List;
import org.junit.jupiter.api.Test;

class GreedyDriverTest {
  private final TestIR ir = new TestIR();

  /** Rewrites "t.a" into "t.b". */
  private static final class AToB extends RewritePattern {
    AToB() { super("t.a", 1); }

    @Override public boolean rewrite(Operation op, PatternRewriter rewriter) {
      Operation b = rewriter.create(new OperationState("t.b", op.location()).operands(op.operands()).results(op.resultTypes()));
      rewriter.replaceOp(op, b.results());
      return true;
    }
  }

  /** Claims a change without making one. */
  private static final class Liar extends RewritePattern {
    Liar() { super("t.a", 1); }

    @Override public boolean rewrite(Operation op, PatternRewriter rewriter) { return true; }
  }

  /** Flips an attribute forever. */
  private static final class Flip extends RewritePattern {
    Flip() { super("t.a", 1); }

    @Override public boolean rewrite(Operation op, PatternRewriter rewriter) {
      boolean v = op.attribute("flag") instanceof IntegerAttr i && i.value() != 0;
      rewriter.modifyInPlace(op, () -> op.setAttribute("flag", IntegerAttr.of(!v)));
      return true;
    }
  }

  private static final String INPUT = """
      "func.func"() ({
      ^bb0(%x: i32):
        %0 = "t.a"(%x) : (i32) -> i32
        %1 = "t.a"(%0) : (i32) -> i32
        "func.return"(%1) : (i32) -> ()
      }) {function_type = (i32) -> i32, sym_name = "f"} : () -> ()
      """;

  @Test void appliesPatternsUntilNothingMatches() {
    Operation m = ir.parse(INPUT);
    var result = GreedyRewriteDriver.apply(ir.context, m, List.of(new AToB()), GreedyRewriteDriver.Config.defaults());
    assertTrue(result.converged());
    assertTrue(result.changed());
    String out = TestIR.print(m);
    assertFalse(out.contains("t.a"), out);
    assertEquals(2, out.split("\"t.b\"", -1).length - 1, out);
    assertTrue(Verifier.verify(m, ir.context));
  }

  @Test void higherBenefitWins() {
    Operation m = ir.parse(INPUT);
    RewritePattern toC = new RewritePattern("t.a", 5) {
      @Override public boolean rewrite(Operation op, PatternRewriter rewriter) {
        Operation c = rewriter.create(new OperationState("t.c", op.location()).operands(op.operands()).results(op.resultTypes()));
        rewriter.replaceOp(op, c.results());
        return true;
      }
    };
    GreedyRewriteDriver.apply(ir.context, m, List.of(new AToB(), toC), GreedyRewriteDriver.Config.defaults());
    assertTrue(TestIR.print(m).contains("t.c") && !TestIR.print(m).contains("t.b"));
  }

  @Test void aPatternThatClaimsAChangeItDidNotMakeIsCaught() {
    Operation m = ir.parse(INPUT);
    var e = assertThrows(IllegalStateException.class, () -> GreedyRewriteDriver.apply(ir.context, m, List.of(new Liar()),
        new GreedyRewriteDriver.Config(10, true, true)));
    assertEquals("pattern Liar returned true but did not change the IR", e.getMessage());
  }

  @Test void nonConvergenceIsReported() {
    Operation m = ir.parse(INPUT);
    var result = GreedyRewriteDriver.apply(ir.context, m, List.of(new Flip()), new GreedyRewriteDriver.Config(3, true, false));
    assertFalse(result.converged());
    assertEquals(3, result.iterations());
  }

  @Test void foldingUsesTheOpsFoldHooksAndErasesDeadOps() {
    Operation m = ir.parse("""
        "func.func"() ({
          %a = "arith.constant"() {value = 20 : i32} : () -> i32
          %b = "arith.constant"() {value = 22 : i32} : () -> i32
          %c = "arith.addi"(%a, %b) : (i32, i32) -> i32
          %dead = "arith.muli"(%a, %b) : (i32, i32) -> i32
          "func.return"(%c) : (i32) -> ()
        }) {function_type = () -> i32, sym_name = "f"} : () -> ()
        """);
    GreedyRewriteDriver.apply(ir.context, m, List.of(), GreedyRewriteDriver.Config.defaults());
    String out = TestIR.print(m);
    assertTrue(out.contains("{value = 42 : i32}"), out);
    assertFalse(out.contains("arith.muli"), out);
    assertFalse(out.contains("arith.addi"), out);
  }

  @Test void walkDriverAppliesEachPatternOnceWithoutFolding() {
    Operation m = ir.parse(INPUT);
    assertTrue(WalkRewriteDriver.apply(ir.context, m, List.of(new AToB())));
    assertFalse(TestIR.print(m).contains("t.a"));
    assertFalse(WalkRewriteDriver.apply(ir.context, m, List.of(new AToB())));
  }
}
