package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sol.dialect.Dialects;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import dev.sol.textir.IRParser;
import dev.sol.textir.SourceBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs small functions of the loop-level dialects through the interpreter and checks their results. */
class InterpreterTest {
  private final IRContext ctx = Dialects.newContext();

  private List<Tensor> run(String text, Tensor... inputs) {
    Operation module = IRParser.parse(ctx, new SourceBuffer("test.mlir", text));
    return Interpreter.run(Interpreter.function(module, "f"), List.of(inputs));
  }

  private static Tensor f32(double... values) {
    return Tensor.ofDoubles(FloatType.F32, new long[] {values.length}, values);
  }

  @Test void vectorsLoadCombineReduceAndStore() {
    List<Tensor> r = run("""
        "func.func"() ({
        ^bb0(%m: memref<6xf32>):
          %c0 = "arith.constant"() {value = 0 : index} : () -> index
          %c4 = "arith.constant"() {value = 4 : index} : () -> index
          %pad = "arith.constant"() {value = -1.0 : f32} : () -> f32
          %v = "vector.load"(%m, %c0) : (memref<6xf32>, index) -> vector<4xf32>
          %t = "vector.transfer_read"(%m, %c4, %pad) {operand_segment_sizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>} : (memref<6xf32>, index, f32) -> vector<4xf32>
          %minus = "vector.broadcast"(%pad) : (f32) -> vector<4xf32>
          %fma = "vector.fma"(%v, %minus, %t) : (vector<4xf32>, vector<4xf32>, vector<4xf32>) -> vector<4xf32>
          %e = "vector.extract"(%fma) {position = [3]} : (vector<4xf32>) -> f32
          %ins = "vector.insert"(%e, %fma) {position = [0]} : (f32, vector<4xf32>) -> vector<4xf32>
          %sum = "vector.reduction"(%ins) {kind = #vector.kind<add>} : (vector<4xf32>) -> f32
          %max = "vector.reduction"(%ins, %pad) {kind = #vector.kind<maxf>} : (vector<4xf32>, f32) -> f32
          "vector.store"(%ins, %m, %c4) : (vector<4xf32>, memref<6xf32>, index) -> ()
          "func.return"(%sum, %max, %m) : (f32, f32, memref<6xf32>) -> ()
        }) {function_type = (memref<6xf32>) -> (f32, f32, memref<6xf32>), sym_name = "f"} : () -> ()
        """, f32(1, 2, 3, 4, 5, 6));
    // The transfer pads [5, 6] with -1; fma = [1, 2, 3, 4] * -1 + [5, 6, -1, -1] = [4, 4, -4, -5]; insert puts -5
    // first; the store writes two elements and drops the two beyond the end.
    assertEquals(-5 + 4 - 4 - 5, r.get(0).get(0));
    assertEquals(4, r.get(1).get(0));
    assertArrayEquals(new double[] {1, 2, 3, 4, -5, 4}, r.get(2).floatData());
  }

  @Test void integerReductionKinds() {
    String text = """
        "func.func"() ({
        ^bb0(%m: memref<4xi8>):
          %c0 = "arith.constant"() {value = 0 : index} : () -> index
          %v = "vector.load"(%m, %c0) : (memref<4xi8>, index) -> vector<4xi8>
          %r = "vector.reduction"(%v) {kind = #vector.kind<KIND>} : (vector<4xi8>) -> i8
          "func.return"(%r) : (i8) -> ()
        }) {function_type = (memref<4xi8>) -> i8, sym_name = "f"} : () -> ()
        """;
    Tensor v = Tensor.ofLongs(IntegerType.I8, new long[] {4}, new long[] {3, -1, 100, 6});
    // i8 arithmetic wraps: 3 * -1 * 100 * 6 = -1800 = -8 (mod 256); 255 (-1) is the largest unsigned.
    String[] kinds = {"add", "mul", "maxsi", "minsi", "maxui", "minui", "and", "or", "xor"};
    long[] expected = {108, -8, 100, -1, -1, 3, 3 & -1 & 100 & 6, -1, 3 ^ -1 ^ 100 ^ 6};
    for (int k = 0; k < kinds.length; k++) {
      assertEquals(expected[k], run(text.replace("KIND", kinds[k]), v).getFirst().getLong(0), kinds[k]);
    }
  }

  @Test void whileAndParallelLoops() {
    List<Tensor> r = run("""
        "func.func"() ({
        ^bb0(%m: memref<2x3xf32>):
          %c0 = "arith.constant"() {value = 0 : index} : () -> index
          %c1 = "arith.constant"() {value = 1 : index} : () -> index
          %c2 = "arith.constant"() {value = 2 : index} : () -> index
          %c3 = "arith.constant"() {value = 3 : index} : () -> index
          %zero = "arith.constant"() {value = 0.0 : f32} : () -> f32
          %sum = "scf.parallel"(%c0, %c0, %c2, %c3, %c1, %c1, %zero) ({
          ^bb0(%i: index, %j: index):
            %x = "memref.load"(%m, %i, %j) : (memref<2x3xf32>, index, index) -> f32
            "scf.reduce"(%x) ({
            ^bb0(%a: f32, %b: f32):
              %s = "arith.addf"(%a, %b) : (f32, f32) -> f32
              "scf.reduce.return"(%s) : (f32) -> ()
            }) : (f32) -> ()
            "scf.yield"() : () -> ()
          }) {operand_segment_sizes = array<i32: 2, 2, 2, 1>} : (index, index, index, index, index, index, f32) -> f32
          %n = "scf.while"(%c1) ({
          ^bb0(%k: index):
            %go = "arith.cmpi"(%k, %c3) {predicate = 2 : i64} : (index, index) -> i1
            "scf.condition"(%go, %k) : (i1, index) -> ()
          }, {
          ^bb0(%k: index):
            %next = "arith.muli"(%k, %c2) : (index, index) -> index
            "scf.yield"(%next) : (index) -> ()
          }) : (index) -> index
          "func.return"(%sum, %n) : (f32, index) -> ()
        }) {function_type = (memref<2x3xf32>) -> (f32, index), sym_name = "f"} : () -> ()
        """, Tensor.ofDoubles(FloatType.F32, new long[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}));
    assertEquals(21, r.get(0).get(0));
    assertEquals(4, r.get(1).getLong(0));
  }

  @Test void viewsOfBuffersAndGlobals() {
    List<Tensor> r = run("""
        "builtin.module"() ({
          "memref.global"() {constant, initial_value = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>, sym_name = "g", sym_visibility = "private", type = memref<2x3xf32>} : () -> ()
          "func.func"() ({
            %g = "memref.get_global"() {name = @g} : () -> memref<2x3xf32>
            %row = "memref.subview"(%g) {operand_segment_sizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 1, 1>, static_sizes = array<i64: 1, 2>, static_strides = array<i64: 1, 1>} : (memref<2x3xf32>) -> memref<2xf32, strided<[1], offset: 4>>
            %flat = "memref.collapse_shape"(%g) {reassociation = [[0, 1]]} : (memref<2x3xf32>) -> memref<6xf32>
            %out = "memref.alloc"() {operand_segment_sizes = array<i32: 0, 0>} : () -> memref<6xf32>
            "memref.copy"(%flat, %out) : (memref<6xf32>, memref<6xf32>) -> ()
            %c0 = "arith.constant"() {value = 0 : index} : () -> index
            %x = "memref.load"(%row, %c0) : (memref<2xf32, strided<[1], offset: 4>>, index) -> f32
            "memref.store"(%x, %out, %c0) : (f32, memref<6xf32>, index) -> ()
            "func.return"(%out) : (memref<6xf32>) -> ()
          }) {function_type = () -> memref<6xf32>, sym_name = "f"} : () -> ()
        }) : () -> ()
        """);
    assertArrayEquals(new double[] {5, 2, 3, 4, 5, 6}, r.getFirst().floatData());
  }

  @Test void unsupportedOpsAreNamed() {
    var e = assertThrows(Interpreter.InterpreterException.class, () -> run("""
        "func.func"() ({
        ^bb0(%x: i32):
          %r = "math.ctpop"(%x) : (i32) -> i32
          "func.return"(%r) : (i32) -> ()
        }) {function_type = (i32) -> i32, sym_name = "f"} : () -> ()
        """, Tensor.ofLongs(IntegerType.I32, new long[0], new long[] {7})));
    assertEquals("cannot interpret 'math.ctpop' at loc(\"test.mlir\":3:8)", e.getMessage());
  }
}
