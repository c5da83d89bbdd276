package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sol.dialect.func.ArenaArgument;
import dev.sol.dialect.memref.AllocOp;
import dev.sol.dialect.memref.DeallocOp;
import dev.sol.ir.*;
import dev.sol.lowering.LoweringPasses;
import dev.sol.pass.Instrumentation;
import dev.sol.pass.PassRegistry;
import dev.sol.pass.PassRunner;
import dev.sol.pass.PipelineParser;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The memory plan on the generated networks, lowered as the JIT lowers them: every
 * temporary lands in the arena (no allocation or free is left in a run), and the arena is no
 * larger than the most bytes of temporaries alive at once, counted here from the IR before the
 * plan with each buffer alive from its alloc to the last op that uses it.
 */
class MemoryPlanNetworksTest {
  private static final Path GENERATED = Path.of("..", "testdata", "generated");

  /** The generated cases with temporaries: all but the single-operator op_* ones. */
  static List<String> networks() throws Exception { return ParallelNetworksTest.networks().filter(n -> !n.startsWith("op_")).toList(); }

  @ParameterizedTest @MethodSource("networks")
  void theArenaHoldsEveryTemporaryInNoMoreThanThePeakOfLiveBytes(String net) throws Exception {
    Path model = GENERATED.resolve(net).resolve("model.onnx");
    LoadedModel loaded = LoadedModel.load(SolModel.read(model), model.toString(), false, new SolOptions());
    String pipeline = LoweringPasses.cpuPipeline(JitEngine.hostTarget());
    int cut = pipeline.indexOf(",memory-plan");
    run(loaded, pipeline.substring(0, cut) + ")");
    long peak = peakOfLiveTemporaries(loaded.function);
    run(loaded, "builtin.module(memory-plan)");
    long arena = ArenaArgument.bytes(loaded.function);
    assertTrue(arena > 0, net + " has temporaries");
    assertTrue(arena <= peak, net + ": arena of " + arena + " bytes, more than the " + peak + " bytes alive at once");
    List<Operation> left = new ArrayList<>();
    loaded.function.walk(op -> {
      if (op instanceof AllocOp || op instanceof DeallocOp) left.add(op);
    });
    assertEquals(List.of(), left, "allocations or frees left in a run of " + net);

    SolTensor input = SolTensor.fromTensorProto(Files.readAllBytes(GENERATED.resolve(net).resolve("test_data_set_0/input_0.pb")));
    SolTensor expected = SolTensor.fromTensorProto(Files.readAllBytes(GENERATED.resolve(net).resolve("test_data_set_0/output_0.pb")));
    try (SolModel compiled = SolModel.compile(model, new SolOptions().threads(1));
         SolModel.Result r = compiled.run(Map.of(compiled.inputs().keySet().iterator().next(), input))) {
      assertEquals(arena, compiled.arenaBytes());
      assertNull(ConformanceCase.compare(r.get(r.names().getFirst()), expected, 1e-3, 1e-5));
    }
  }

  private static void run(LoadedModel m, String pipeline) throws Exception {
    PassRunner runner = new PassRunner(m.context, Instrumentation.defaults(), op -> "", new PrintStream(OutputStream.nullOutputStream()));
    assertTrue(runner.run(PipelineParser.parse(PassRegistry.loadAll(), pipeline), m.module), pipeline);
  }

  /** The most bytes (each buffer rounded up to 64) of top-level allocations alive at one op of the body. */
  private static long peakOfLiveTemporaries(Operation function) {
    Block body = function.region(0).entryBlock();
    List<Operation> ops = body.operations();
    Map<Operation, Integer> at = new IdentityHashMap<>();
    for (int i = 0; i < ops.size(); i++) at.put(ops.get(i), i);
    long[] live = new long[ops.size()];
    for (int i = 0; i < ops.size(); i++) {
      if (!(ops.get(i) instanceof AllocOp a)) continue;
      MemRefType t = a.memrefType();
      long bytes = Math.max(64, (t.numElements() * DenseElementsAttr.elementBytes(t.element()) + 63) / 64 * 64);
      int last = i;
      ArrayDeque<Value> values = new ArrayDeque<>(List.of(a.result()));
      while (!values.isEmpty()) {
        for (Operation user : values.pop().users()) {
          Operation top = user;
          while (top.parentOp() != function) top = top.parentOp();
          last = Math.max(last, at.get(top));
          for (OpResult r : user.results()) if (r.type() instanceof MemRefType) values.add(r);
        }
      }
      for (int p = i; p <= last; p++) live[p] += bytes;
    }
    long peak = 0;
    for (long l : live) peak = Math.max(peak, l);
    return peak;
  }
}
