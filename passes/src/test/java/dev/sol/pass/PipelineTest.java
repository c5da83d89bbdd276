package dev.sol.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sol.ir.Operation;
import dev.sol.pass.transforms.CanonicalizePass;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {
  private final PassRegistry registry = PassRegistry.loadAll();

  @Test void parsesNestedPipelinesAndPrintsThemBack() {
    OpPassManager pm = PipelineParser.parse(registry,
        "builtin.module(func.func(canonicalize{max-iterations=3 disable-patterns=A,B}, cse), symbol-dce)");
    assertEquals("builtin.module(func.func(canonicalize{max-iterations=3 disable-patterns=A,B},cse),symbol-dce)", pm.toString());
    PassRun canon = (PassRun) ((OpPassManager) pm.elements().getFirst()).elements().getFirst();
    CanonicalizePass.Options o = (CanonicalizePass.Options) canon.options();
    assertEquals(3, o.maxIterations());
    assertEquals(List.of("A", "B"), o.disablePatterns());
  }

  @Test void commaSeparatedOptionsWork() {
    OpPassManager pm = PipelineParser.parse(registry, "builtin.module(canonicalize{max-iterations=2,enable-patterns=X,Y})");
    CanonicalizePass.Options o = (CanonicalizePass.Options) ((PassRun) pm.elements().getFirst()).options();
    assertEquals(2, o.maxIterations());
    assertEquals(List.of("X", "Y"), o.enablePatterns());
  }

  @Test void errorsNameWhatIsWrong() {
    assertEquals("invalid pipeline 'builtin.module(nope)' at position 19: 'nope' does not refer to a registered pass or pass pipeline",
        assertThrows(PipelineException.class, () -> PipelineParser.parse(registry, "builtin.module(nope)")).getMessage());
    assertTrue(assertThrows(PipelineException.class, () -> PipelineParser.parse(registry, "builtin.module(cse{x=1})"))
        .getMessage().contains("pass 'cse' has no option 'x' (it takes no options)"));
    assertTrue(assertThrows(PipelineException.class, () -> PipelineParser.parse(registry, "builtin.module(canonicalize{test-convergence=maybe})"))
        .getMessage().contains("expected true or false"));
  }

  @Test void aPassOnTheWrongAnchorIsRejected() {
    @PassInfo(name = "fn-only", summary = "test", anchor = "func.func")
    final class FnOnly implements Pass<NoOptions> {
      @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }
      @Override public boolean run(Operation op, NoOptions options, PassState state) { return true; }
    }
    OpPassManager pm = new OpPassManager("builtin.module");
    PipelineException e = assertThrows(PipelineException.class, () -> pm.addPass(new FnOnly()));
    assertEquals("pass 'fn-only' runs on 'func.func' operations, but the pipeline places it on 'builtin.module'; nest it: "
        + "builtin.module(func.func(fn-only))", e.getMessage());
    pm.nest("func.func").addPass(new FnOnly());
  }

  @Test void parallelAndSequentialRunsGiveTheSameResult() {
    StringBuilder text = new StringBuilder();
    for (int f = 0; f < 16; f++) {
      text.append("\"func.func\"() ({\n^bb0(%x: i32):\n  %c = \"arith.constant\"() {value = ").append(f)
          .append(" : i32} : () -> i32\n  %a = \"arith.addi\"(%x, %c) : (i32, i32) -> i32\n  %b = \"arith.addi\"(%x, %c) : (i32, i32) -> i32\n")
          .append("  %m = \"arith.muli\"(%a, %b) : (i32, i32) -> i32\n  \"func.return\"(%m) : (i32) -> ()\n}) {function_type = (i32) -> i32, sym_name = \"f")
          .append(f).append("\"} : () -> ()\n");
    }
    String[] outputs = new String[2];
    for (int i = 0; i < 2; i++) {
      TestIR ir = new TestIR();
      Operation m = ir.parse(text.toString());
      Instrumentation inst = new Instrumentation(java.util.Set.of(), java.util.Set.of(), false, false, false, false, null,
          false, false, true, i == 0);
      PassRunner runner = new PassRunner(ir.context, inst, TestIR::print, new PrintStream(new ByteArrayOutputStream()));
      assertTrue(runner.run(PipelineParser.parse(registry, "builtin.module(func.func(canonicalize,cse))"), m));
      outputs[i] = TestIR.print(m);
    }
    assertEquals(outputs[0], outputs[1]);
    assertFalse(outputs[0].contains("\"arith.addi\"(%arg0, %0) : (i32, i32) -> i32\n    %2 = \"arith.addi\""));
  }

  @PassInfo(name = "break-ir", summary = "test: makes func.return return nothing")
  static final class BreakIr implements Pass<NoOptions> {
    @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

    @Override public boolean run(Operation op, NoOptions options, PassState state) {
      op.walk(o -> {
        if (o.name().equals("func.return")) o.setOperands(List.of());
      });
      return true;
    }
  }

  @Test void verifyEachNamesThePassThatBrokeTheIr() {
    TestIR ir = new TestIR();
    Operation m = ir.parse("""
        "func.func"() ({
        ^bb0(%x: i32):
          "func.return"(%x) : (i32) -> ()
        }) {function_type = (i32) -> i32, sym_name = "f"} : () -> ()
        """);
    OpPassManager pm = new OpPassManager("builtin.module").addPass(new BreakIr());
    PassRunner runner = new PassRunner(ir.context, Instrumentation.defaults(), TestIR::print, new PrintStream(new ByteArrayOutputStream()));
    assertFalse(runner.run(pm, m));
    assertEquals("'func.return' op has 0 operands, but enclosing function (@f) returns 1", ir.diagnostics.get(0).message());
    assertEquals("the IR does not verify after pass 'break-ir'", ir.diagnostics.get(1).message());
  }
}
