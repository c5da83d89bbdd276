// A two-layer perceptron on one input vector, written with memref loops in
// MLIR's generic form: y = relu(W1 x) . w2
"builtin.module"() ({
  "memref.global"() {constant, initial_value = dense<[[0.5, -1.0, 0.25], [1.5, 0.75, -0.5]]> : tensor<2x3xf32>, sym_name = "w1", sym_visibility = "private", type = memref<2x3xf32>} : () -> ()
  "memref.global"() {constant, initial_value = dense<[2.0, -3.0]> : tensor<2xf32>, sym_name = "w2", sym_visibility = "private", type = memref<2xf32>} : () -> ()
  "func.func"() ({
  ^bb0(%x: memref<3xf32>):
    %c0 = "arith.constant"() {value = 0 : index} : () -> index
    %c1 = "arith.constant"() {value = 1 : index} : () -> index
    %c2 = "arith.constant"() {value = 2 : index} : () -> index
    %c3 = "arith.constant"() {value = 3 : index} : () -> index
    %zero = "arith.constant"() {value = 0.0 : f32} : () -> f32
    %w1 = "memref.get_global"() {name = @w1} : () -> memref<2x3xf32>
    %w2 = "memref.get_global"() {name = @w2} : () -> memref<2xf32>
    %y = "scf.for"(%c0, %c2, %c1, %zero) ({
    ^bb0(%i: index, %acc: f32):
      %h = "scf.for"(%c0, %c3, %c1, %zero) ({
      ^bb0(%j: index, %s: f32):
        %w = "memref.load"(%w1, %i, %j) : (memref<2x3xf32>, index, index) -> f32
        %xi = "memref.load"(%x, %j) : (memref<3xf32>, index) -> f32
        %p = "arith.mulf"(%w, %xi) : (f32, f32) -> f32
        %s2 = "arith.addf"(%s, %p) : (f32, f32) -> f32
        "scf.yield"(%s2) : (f32) -> ()
      }) : (index, index, index, f32) -> f32
      %r = "arith.maxf"(%h, %zero) : (f32, f32) -> f32
      %v = "memref.load"(%w2, %i) : (memref<2xf32>, index) -> f32
      %t = "math.fma"(%r, %v, %acc) : (f32, f32, f32) -> f32
      "scf.yield"(%t) : (f32) -> ()
    }) : (index, index, index, f32) -> f32
    "func.return"(%y) : (f32) -> ()
  }) {function_type = (memref<3xf32>) -> f32, sym_name = "mlp"} : () -> ()
}) : () -> ()
