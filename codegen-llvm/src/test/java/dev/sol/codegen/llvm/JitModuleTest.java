package dev.sol.codegen.llvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sol.dialect.Dialects;
import dev.sol.ir.Operation;
import dev.sol.textir.IRParser;
import dev.sol.textir.SourceBuffer;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Loop-level IR compiled by LLVM in-process and called through the FFM API. */
class JitModuleTest {
  private static Operation parse(String text) {
    return IRParser.parse(Dialects.newContext(), new SourceBuffer("test.mlir", text));
  }

  @Test void scalarLoopsWithGlobalsAndFma() throws Throwable {
    Operation module = parse(Files.readString(Path.of("..", "examples", "mlp.mlir")));
    try (JitModule jit = new JitModule(ctx -> LlvmEmitter.translate(ctx, module, "mlp"));
         Arena arena = Arena.ofConfined()) {
      MemorySegment x = arena.allocate(12, 64);
      x.setAtIndex(ValueLayout.JAVA_FLOAT, 0, 1f);
      x.setAtIndex(ValueLayout.JAVA_FLOAT, 1, 2f);
      x.setAtIndex(ValueLayout.JAVA_FLOAT, 2, 3f);
      var mlp = jit.function("mlp", FunctionDescriptor.of(ValueLayout.JAVA_FLOAT, ValueLayout.ADDRESS));
      // relu(W1 x) = relu([-0.75, 1.5]) = [0, 1.5]; dot with w2 = [2, -3] gives -4.5.
      assertEquals(-4.5f, (float) mlp.invoke(x));
    }
  }

  /**
   * Three loop nests (kernels), a private helper function, a small private constant and a
   * public mutable global (a counter every kernel bumps), compiled as one module and as two and
   * three parts on threads of their own: the linked parts compute what the whole does, and the
   * global is one variable, not a copy per part.
   */
  @Test void partsCompiledOnThreadsLinkIntoTheWhole() throws Throwable {
    Operation module = parse("""
        "builtin.module"() ({
          "memref.global"() {constant, initial_value = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>, sym_name = "w", sym_visibility = "private", type = memref<4xf32>} : () -> ()
          "memref.global"() {initial_value = dense<0> : tensor<1xi64>, sym_name = "calls", sym_visibility = "public", type = memref<1xi64>} : () -> ()
          "func.func"() ({
          ^bb0(%x: f32):
            %d = "arith.addf"(%x, %x) : (f32, f32) -> f32
            "func.return"(%d) : (f32) -> ()
          }) {function_type = (f32) -> f32, sym_name = "twice", sym_visibility = "private"} : () -> ()
          "func.func"() ({
          ^bb0(%a: memref<4xf32>, %b: memref<4xf32>, %out: memref<4xf32>):
            %c0 = "arith.constant"() {value = 0 : index} : () -> index
            %c1 = "arith.constant"() {value = 1 : index} : () -> index
            %c4 = "arith.constant"() {value = 4 : index} : () -> index
            %one = "arith.constant"() {value = 1 : i64} : () -> i64
            %w = "memref.get_global"() {name = @w} : () -> memref<4xf32>
            %calls = "memref.get_global"() {name = @calls} : () -> memref<1xi64>
            "scf.for"(%c0, %c4, %c1) ({
            ^bb0(%i: index):
              %x = "memref.load"(%a, %i) : (memref<4xf32>, index) -> f32
              %k = "memref.load"(%w, %i) : (memref<4xf32>, index) -> f32
              %y = "arith.mulf"(%x, %k) : (f32, f32) -> f32
              "memref.store"(%y, %b, %i) : (f32, memref<4xf32>, index) -> ()
              %n = "memref.load"(%calls, %c0) : (memref<1xi64>, index) -> i64
              %n1 = "arith.addi"(%n, %one) : (i64, i64) -> i64
              "memref.store"(%n1, %calls, %c0) : (i64, memref<1xi64>, index) -> ()
              "scf.yield"() : () -> ()
            }) : (index, index, index) -> ()
            "scf.for"(%c0, %c4, %c1) ({
            ^bb0(%i: index):
              %x = "memref.load"(%b, %i) : (memref<4xf32>, index) -> f32
              %y = "func.call"(%x) {callee = @twice} : (f32) -> f32
              "memref.store"(%y, %b, %i) : (f32, memref<4xf32>, index) -> ()
              %n = "memref.load"(%calls, %c0) : (memref<1xi64>, index) -> i64
              %n1 = "arith.addi"(%n, %one) : (i64, i64) -> i64
              "memref.store"(%n1, %calls, %c0) : (i64, memref<1xi64>, index) -> ()
              "scf.yield"() : () -> ()
            }) : (index, index, index) -> ()
            "scf.for"(%c0, %c4, %c1) ({
            ^bb0(%i: index):
              %x = "memref.load"(%b, %i) : (memref<4xf32>, index) -> f32
              %k = "memref.load"(%w, %i) : (memref<4xf32>, index) -> f32
              %y = "arith.addf"(%x, %k) : (f32, f32) -> f32
              "memref.store"(%y, %out, %i) : (f32, memref<4xf32>, index) -> ()
              %n = "memref.load"(%calls, %c0) : (memref<1xi64>, index) -> i64
              %n1 = "arith.addi"(%n, %one) : (i64, i64) -> i64
              "memref.store"(%n1, %calls, %c0) : (i64, memref<1xi64>, index) -> ()
              "scf.yield"() : () -> ()
            }) : (index, index, index) -> ()
            "scf.for"(%c0, %c4, %c1) ({
            ^bb0(%i: index):
              %x = "memref.load"(%out, %i) : (memref<4xf32>, index) -> f32
              %y = "func.call"(%x) {callee = @twice} : (f32) -> f32
              "memref.store"(%y, %out, %i) : (f32, memref<4xf32>, index) -> ()
              %n = "memref.load"(%calls, %c0) : (memref<1xi64>, index) -> i64
              %n1 = "arith.addi"(%n, %one) : (i64, i64) -> i64
              "memref.store"(%n1, %calls, %c0) : (i64, memref<1xi64>, index) -> ()
              "scf.yield"() : () -> ()
            }) : (index, index, index) -> ()
            "func.return"() : () -> ()
          }) {function_type = (memref<4xf32>, memref<4xf32>, memref<4xf32>) -> (), sym_name = "main"} : () -> ()
        }) : () -> ()
        """);
    for (int n = 1; n <= 3; n++) {
      java.util.List<ModulePartition> parts = ModulePartition.plan(module, n);
      assertEquals(n, parts.size());
      try (JitModule jit = new JitModule(parts.size(), (ctx, i) -> LlvmEmitter.translate(ctx, module, "parts", 1, null, parts.get(i)),
          java.util.Map::of, phase -> {}); Arena arena = Arena.ofConfined()) {
        assertEquals(n, jit.objects().size());
        MemorySegment a = arena.allocate(16, 64), b = arena.allocate(16, 64), out = arena.allocate(16, 64);
        for (int i = 0; i < 4; i++) a.setAtIndex(ValueLayout.JAVA_FLOAT, i, i + 1);
        var main = jit.function("main", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        main.invoke(a, b, out);
        main.invoke(a, b, out);
        // out[i] = 2 (2 a[i] w[i] + w[i]) with a = w = [1, 2, 3, 4]; the last loop is the second's
        // code on other buffers (one function for both, KernelSharing), compiled in one part only.
        float[] expected = {6, 20, 42, 72};
        for (int i = 0; i < 4; i++) assertEquals(expected[i], out.getAtIndex(ValueLayout.JAVA_FLOAT, i), "element " + i + " with " + n + " parts");
        assertEquals(32L, jit.address("calls").reinterpret(8).get(ValueLayout.JAVA_LONG, 0), "one counter for all parts (" + n + ")");
      }
    }
  }

  /** An Error in a part compiled on another thread (a stack overflow, memory) reaches the caller as itself. */
  @Test void anErrorInAPartIsRethrownAsItself() {
    StackOverflowError e = assertThrows(StackOverflowError.class, () -> new JitModule(2, (ctx, i) -> {
      if (i == 1) throw new StackOverflowError("part 1");
      return org.bytedeco.llvm.global.LLVM.LLVMModuleCreateWithNameInContext("empty", ctx);
    }, java.util.Map::of, phase -> {}).close());
    assertEquals("part 1", e.getMessage());
  }

  @Test void oneDimensionalVectors() throws Throwable {
    Operation module = parse("""
        "builtin.module"() ({
          "func.func"() ({
          ^bb0(%a: memref<8xf32>, %out: memref<8xf32>, %s: memref<1xf32>):
            %c0 = "arith.constant"() {value = 0 : index} : () -> index
            %c4 = "arith.constant"() {value = 4 : index} : () -> index
            %two = "arith.constant"() {value = 2.0 : f32} : () -> f32
            %v2 = "vector.broadcast"(%two) : (f32) -> vector<4xf32>
            %x0 = "vector.load"(%a, %c0) : (memref<8xf32>, index) -> vector<4xf32>
            %x1 = "vector.load"(%a, %c4) : (memref<8xf32>, index) -> vector<4xf32>
            %y0 = "vector.fma"(%x0, %v2, %x1) : (vector<4xf32>, vector<4xf32>, vector<4xf32>) -> vector<4xf32>
            %y1 = "arith.mulf"(%x1, %v2) : (vector<4xf32>, vector<4xf32>) -> vector<4xf32>
            "vector.store"(%y0, %out, %c0) : (vector<4xf32>, memref<8xf32>, index) -> ()
            "vector.store"(%y1, %out, %c4) : (vector<4xf32>, memref<8xf32>, index) -> ()
            %r = "vector.reduction"(%y0) {kind = #vector.kind<add>} : (vector<4xf32>) -> f32
            %m = "vector.reduction"(%y1, %r) {kind = #vector.kind<maxf>} : (vector<4xf32>, f32) -> f32
            %e = "vector.extract"(%y1) {position = [3]} : (vector<4xf32>) -> f32
            %t = "arith.addf"(%m, %e) : (f32, f32) -> f32
            "memref.store"(%t, %s, %c0) : (f32, memref<1xf32>, index) -> ()
            "func.return"() : () -> ()
          }) {function_type = (memref<8xf32>, memref<8xf32>, memref<1xf32>) -> (), sym_name = "vec"} : () -> ()
        }) : () -> ()
        """);
    try (JitModule jit = new JitModule(ctx -> LlvmEmitter.translate(ctx, module, "vec"));
         Arena arena = Arena.ofConfined()) {
      MemorySegment a = arena.allocate(32, 64);
      MemorySegment out = arena.allocate(32, 64);
      MemorySegment s = arena.allocate(4, 64);
      for (int i = 0; i < 8; i++) a.setAtIndex(ValueLayout.JAVA_FLOAT, i, i + 1);
      jit.function("vec", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS)).invoke(a, out, s);
      assertArrayEquals(new float[] {7, 10, 13, 16, 10, 12, 14, 16}, out.toArray(ValueLayout.JAVA_FLOAT));
      // sum(y0) = 46, max(max(y1) = 16, 46) = 46, plus y1[3] = 16.
      assertEquals(62f, s.getAtIndex(ValueLayout.JAVA_FLOAT, 0));
    }
  }

  /** Transfers past the end of the last dimension: the read pads, the write leaves the memory alone; in bounds they are plain. */
  @Test void maskedTransfers() throws Throwable {
    Operation module = parse("""
        "builtin.module"() ({
          "func.func"() ({
          ^bb0(%a: memref<2x6xf32>, %out: memref<2x6xf32>):
            %c0 = "arith.constant"() {value = 0 : index} : () -> index
            %c1 = "arith.constant"() {value = 1 : index} : () -> index
            %c2 = "arith.constant"() {value = 2 : index} : () -> index
            %c4 = "arith.constant"() {value = 4 : index} : () -> index
            %pad = "arith.constant"() {value = -1.0 : f32} : () -> f32
            %x = "vector.transfer_read"(%a, %c1, %c4, %pad) {operand_segment_sizes = array<i32: 1, 2, 1, 0>, permutation_map = affine_map<(d0, d1) -> (d1)>} : (memref<2x6xf32>, index, index, f32) -> vector<4xf32>
            "vector.transfer_write"(%x, %out, %c0, %c4) {operand_segment_sizes = array<i32: 1, 1, 2, 0>, permutation_map = affine_map<(d0, d1) -> (d1)>} : (vector<4xf32>, memref<2x6xf32>, index, index) -> ()
            %y = "vector.transfer_read"(%a, %c0, %c2, %pad) {in_bounds = [true], operand_segment_sizes = array<i32: 1, 2, 1, 0>, permutation_map = affine_map<(d0, d1) -> (d1)>} : (memref<2x6xf32>, index, index, f32) -> vector<4xf32>
            "vector.transfer_write"(%y, %out, %c1, %c0) {in_bounds = [true], operand_segment_sizes = array<i32: 1, 1, 2, 0>, permutation_map = affine_map<(d0, d1) -> (d1)>} : (vector<4xf32>, memref<2x6xf32>, index, index) -> ()
            "vector.transfer_write"(%x, %out, %c1, %c4) {operand_segment_sizes = array<i32: 1, 1, 2, 0>, permutation_map = affine_map<(d0, d1) -> (d1)>} : (vector<4xf32>, memref<2x6xf32>, index, index) -> ()
            "func.return"() : () -> ()
          }) {function_type = (memref<2x6xf32>, memref<2x6xf32>) -> (), sym_name = "transfers"} : () -> ()
        }) : () -> ()
        """);
    try (JitModule jit = new JitModule(ctx -> LlvmEmitter.translate(ctx, module, "transfers"));
         Arena arena = Arena.ofConfined()) {
      // Room past the end of both buffers, so that a write there would show.
      MemorySegment a = arena.allocate(64, 64);
      MemorySegment out = arena.allocate(64, 64);
      for (int i = 0; i < 16; i++) {
        a.setAtIndex(ValueLayout.JAVA_FLOAT, i, i);
        out.setAtIndex(ValueLayout.JAVA_FLOAT, i, 100);
      }
      jit.function("transfers", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS)).invoke(a, out);
      // x = a[1][4..] = [10, 11, pad, pad]; its writes at [0][4] and [1][4] keep two lanes; y = a[0][2..6] lands at [1][0..4].
      assertArrayEquals(new float[] {100, 100, 100, 100, 10, 11, 2, 3, 4, 5, 10, 11, 100, 100, 100, 100}, out.asSlice(0, 64).toArray(ValueLayout.JAVA_FLOAT));
    }
  }

  /** The inlined f32 exp, tanh and erf against Java's double-precision reference. */
  @Test void inlineMathIsAccurate() throws Throwable {
    int n = 4001;
    Operation module = parse("""
        "builtin.module"() ({
          "func.func"() ({
          ^bb0(%x: memref<NNxf32>, %e: memref<NNxf32>, %t: memref<NNxf32>, %r: memref<NNxf32>):
            %c0 = "arith.constant"() {value = 0 : index} : () -> index
            %c1 = "arith.constant"() {value = 1 : index} : () -> index
            %cn = "arith.constant"() {value = NN : index} : () -> index
            "scf.for"(%c0, %cn, %c1) ({
            ^bb0(%i: index):
              %v = "memref.load"(%x, %i) : (memref<NNxf32>, index) -> f32
              %a = "math.exp"(%v) : (f32) -> f32
              %b = "math.tanh"(%v) : (f32) -> f32
              %c = "math.erf"(%v) : (f32) -> f32
              "memref.store"(%a, %e, %i) : (f32, memref<NNxf32>, index) -> ()
              "memref.store"(%b, %t, %i) : (f32, memref<NNxf32>, index) -> ()
              "memref.store"(%c, %r, %i) : (f32, memref<NNxf32>, index) -> ()
              "scf.yield"() : () -> ()
            }) : (index, index, index) -> ()
            "func.return"() : () -> ()
          }) {function_type = (memref<NNxf32>, memref<NNxf32>, memref<NNxf32>, memref<NNxf32>) -> (), sym_name = "m"} : () -> ()
        }) : () -> ()
        """.replace("NN", Integer.toString(n)));
    try (JitModule jit = new JitModule(ctx -> LlvmEmitter.translate(ctx, module, "m"));
         Arena arena = Arena.ofConfined()) {
      MemorySegment[] buf = new MemorySegment[4];
      for (int i = 0; i < 4; i++) buf[i] = arena.allocate(4L * n, 64);
      float[] xs = new float[n];
      for (int i = 0; i < n - 3; i++) xs[i] = -100f + 200f * i / (n - 4);
      xs[n - 3] = Float.NaN;
      xs[n - 2] = 1e-5f;
      xs[n - 1] = -0.3f;
      MemorySegment.copy(xs, 0, buf[0], ValueLayout.JAVA_FLOAT, 0, n);
      jit.function("m", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS))
          .invoke(buf[0], buf[1], buf[2], buf[3]);
      float[] exp = buf[1].toArray(ValueLayout.JAVA_FLOAT);
      float[] tanh = buf[2].toArray(ValueLayout.JAVA_FLOAT);
      float[] erf = buf[3].toArray(ValueLayout.JAVA_FLOAT);
      for (int i = 0; i < n; i++) {
        double x = xs[i];
        if (Double.isNaN(x)) {
          assertTrue(Float.isNaN(exp[i]) && Float.isNaN(tanh[i]) && Float.isNaN(erf[i]), "NaN must stay NaN");
          continue;
        }
        double ex = Math.exp(x);
        float ef = (float) ex;
        if (Float.isInfinite(ef) || ef == 0 || Math.abs(ef) < Float.MIN_NORMAL) {
          assertTrue(Float.isInfinite(ef) ? exp[i] == ef : Math.abs(exp[i]) < 2 * Float.MIN_NORMAL, "exp(" + x + ") = " + exp[i]);
        } else {
          assertTrue(Math.abs(exp[i] - ex) <= 3e-7 * ex, "exp(" + x + ") = " + exp[i] + ", expected " + ex);
        }
        assertTrue(Math.abs(tanh[i] - Math.tanh(x)) <= 3e-7 + 3e-7 * Math.abs(Math.tanh(x)), "tanh(" + x + ") = " + tanh[i]);
        assertTrue(Math.abs(erf[i] - dev.sol.dialect.nn.Erf.erf(x)) <= 4e-7, "erf(" + x + ") = " + erf[i]);
      }
    }
  }

  /** A public global is data the caller can find and read after runs; a private one stays internal to the module. */
  @Test void publicGlobalsAreFoundByName() throws Throwable {
    Operation module = parse("""
        "builtin.module"() ({
          "memref.global"() {initial_value = dense<[5, 7]> : tensor<2xi64>, sym_name = "counts", type = memref<2xi64>} : () -> ()
          "memref.global"() {initial_value = dense<1> : tensor<2xi64>, sym_name = "hidden", sym_visibility = "private", type = memref<2xi64>} : () -> ()
          "func.func"() ({
            %g = "memref.get_global"() {name = @counts} : () -> memref<2xi64>
            %h = "memref.get_global"() {name = @hidden} : () -> memref<2xi64>
            %c1 = "arith.constant"() {value = 1 : index} : () -> index
            %x = "memref.load"(%g, %c1) : (memref<2xi64>, index) -> i64
            %y = "memref.load"(%h, %c1) : (memref<2xi64>, index) -> i64
            %z = "arith.addi"(%x, %y) : (i64, i64) -> i64
            "memref.store"(%z, %g, %c1) : (i64, memref<2xi64>, index) -> ()
            "func.return"() : () -> ()
          }) {function_type = () -> (), sym_name = "bump"} : () -> ()
        }) : () -> ()
        """);
    try (JitModule jit = new JitModule(ctx -> LlvmEmitter.translate(ctx, module, "g"))) {
      var bump = jit.function("bump", FunctionDescriptor.ofVoid());
      bump.invoke();
      bump.invoke();
      MemorySegment counts = jit.address("counts").reinterpret(16);
      assertArrayEquals(new long[] {5, 9}, counts.toArray(ValueLayout.JAVA_LONG));
      CodegenException e = assertThrows(CodegenException.class, () -> jit.address("hidden"));
      assertTrue(e.getMessage().contains("hidden"), e.getMessage());
    }
  }

  /**
   * A large constant stays out of LLVM: the module declares it, the sink receives its bytes, and
   * the code reads whatever memory the symbol is then defined at. A small one stays in the module,
   * and an unread one reaches neither.
   */
  @Test void largeConstantsAreDefinedOutsideTheModule() throws Throwable {
    Operation module = parse("""
        "builtin.module"() ({
          "memref.global"() {constant, initial_value = dense<3.0> : tensor<2048xf32>, sym_name = "w", sym_visibility = "private", type = memref<2048xf32>} : () -> ()
          "memref.global"() {constant, initial_value = dense<4.0> : tensor<2048xf32>, sym_name = "unread", sym_visibility = "private", type = memref<2048xf32>} : () -> ()
          "memref.global"() {constant, initial_value = dense<0.5> : tensor<4xf32>, sym_name = "small", sym_visibility = "private", type = memref<4xf32>} : () -> ()
          "func.func"() ({
          ^bb0(%out: memref<2xf32>):
            %w = "memref.get_global"() {name = @w} : () -> memref<2048xf32>
            %s = "memref.get_global"() {name = @small} : () -> memref<4xf32>
            %c0 = "arith.constant"() {value = 0 : index} : () -> index
            %c1 = "arith.constant"() {value = 1 : index} : () -> index
            %last = "arith.constant"() {value = 2047 : index} : () -> index
            %a = "memref.load"(%w, %c0) : (memref<2048xf32>, index) -> f32
            %b = "memref.load"(%w, %last) : (memref<2048xf32>, index) -> f32
            %h = "memref.load"(%s, %c0) : (memref<4xf32>, index) -> f32
            %x = "arith.addf"(%a, %h) : (f32, f32) -> f32
            "memref.store"(%x, %out, %c0) : (f32, memref<2xf32>, index) -> ()
            "memref.store"(%b, %out, %c1) : (f32, memref<2xf32>, index) -> ()
            "func.return"() : () -> ()
          }) {function_type = (memref<2xf32>) -> (), sym_name = "read"} : () -> ()
        }) : () -> ()
        """);
    java.util.Map<String, byte[]> received = new java.util.LinkedHashMap<>();
    java.util.Map<String, MemorySegment> symbols = new java.util.LinkedHashMap<>();
    try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
      ExternalConstants sink = (symbol, data) -> {
        received.put(symbol, data);
        // Defined elsewhere, with other values than the IR's, to see that the code reads this memory.
        MemorySegment at = arena.allocate(data.length, 64);
        for (long i = 0; i < data.length / 4; i++) at.setAtIndex(ValueLayout.JAVA_FLOAT, i, i);
        symbols.put(symbol, at);
      };
      try (JitModule jit = new JitModule(ctx -> LlvmEmitter.translate(ctx, module, "w", 1, sink), symbols)) {
        assertEquals(java.util.List.of("sol.const.w"), java.util.List.copyOf(received.keySet()));
        assertEquals(8192, received.get("sol.const.w").length);
        assertEquals(3.0f, MemorySegment.ofArray(received.get("sol.const.w")).getAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED, 5));
        MemorySegment out = arena.allocate(8, 64);
        jit.function("read", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS)).invoke(out);
        assertArrayEquals(new float[] {0.5f, 2047f}, out.toArray(ValueLayout.JAVA_FLOAT));
      }
    }
  }

  @Test void unsupportedOpsAreReportedByName() {
    Operation module = parse("""
        "builtin.module"() ({
          "func.func"() ({
          ^bb0(%v: vector<2x2xf32>):
            %t = "vector.transpose"(%v) {transp = [1, 0]} : (vector<2x2xf32>) -> vector<2x2xf32>
            "func.return"() : () -> ()
          }) {function_type = (vector<2x2xf32>) -> (), sym_name = "f"} : () -> ()
        }) : () -> ()
        """);
    CodegenException e = assertThrows(CodegenException.class, () -> new JitModule(ctx -> LlvmEmitter.translate(ctx, module, "f")).close());
    assertTrue(e.getMessage().contains("'vector.transpose' is not supported by code generation"), e.getMessage());
  }

  /** LLVM's x86 back end would end the process on a scalable vector; the JIT refuses it first. */
  @Test void scalableVectorsNeedSve() {
    assumeTrue(Targets.hostTriple().startsWith("x86_64"), "the host has no SVE");
    Operation module = parse("""
        "builtin.module"() ({
          "func.func"() ({
          ^bb0(%m: memref<8xf32>):
            %c0 = "arith.constant"() {value = 0 : index} : () -> index
            %x = "vector.load"(%m, %c0) : (memref<8xf32>, index) -> vector<[4]xf32>
            %y = "arith.addf"(%x, %x) : (vector<[4]xf32>, vector<[4]xf32>) -> vector<[4]xf32>
            "vector.store"(%y, %m, %c0) : (vector<[4]xf32>, memref<8xf32>, index) -> ()
            "func.return"() : () -> ()
          }) {function_type = (memref<8xf32>) -> (), sym_name = "f"} : () -> ()
        }) : () -> ()
        """);
    CodegenException e = assertThrows(CodegenException.class, () -> new JitModule(ctx -> LlvmEmitter.translate(ctx, module, "f")).close());
    assertTrue(e.getMessage().startsWith("scalable vector type <vscale x 4 x float> needs a target with SVE"), e.getMessage());
  }
}
