// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// f32 rows in vectors: 4 rows of 45 (the 3 x 15 from axis 1 on): the sum
// in four vector chains (one group of 4 vectors, one more vector, a masked tail of 5 lanes
// read as zeros), the squared deviations likewise (the tail's padding the mean), both across
// lanes by shuffles; then each vector normalized, scaled and shifted, the tail written masked.
// CHECK-LABEL: "func.func"
// CHECK: "memref.expand_shape"{{.*}} -> memref<4x45xf32>
// CHECK: "scf.for"
// CHECK: "vector.load"({{.*}}) : (memref<4x45xf32>, index, index) -> vector<8xf32>
// CHECK: "arith.addf"{{.*}} : (vector<8xf32>, vector<8xf32>) -> vector<8xf32>
// CHECK: "vector.transfer_read"
// CHECK: "vector.shuffle"
// CHECK: "arith.divf"
// CHECK: "arith.subf"{{.*}} : (vector<8xf32>, vector<8xf32>) -> vector<8xf32>
// CHECK: "arith.mulf"{{.*}} : (vector<8xf32>, vector<8xf32>) -> vector<8xf32>
// CHECK: "math.rsqrt"
// CHECK: "vector.store"
// CHECK: "vector.transfer_write"
// CHECK: sym_name = "layer_norm_rows"
"func.func"() ({
^bb0(%x: tensor<4x3x15xf32>, %g: tensor<3x15xf32>, %b: tensor<3x15xf32>):
  %y:3 = "nn.layer_norm"(%x, %g, %b) {axis = 1 : i64, epsilon = 1.0e-5 : f64} : (tensor<4x3x15xf32>, tensor<3x15xf32>, tensor<3x15xf32>) -> (tensor<4x3x15xf32>, tensor<4x1x1xf32>, tensor<4x1x1xf32>)
  "func.return"(%y#0, %y#1, %y#2) : (tensor<4x3x15xf32>, tensor<4x1x1xf32>, tensor<4x1x1xf32>) -> ()
}) {function_type = (tensor<4x3x15xf32>, tensor<3x15xf32>, tensor<3x15xf32>) -> (tensor<4x3x15xf32>, tensor<4x1x1xf32>, tensor<4x1x1xf32>), sym_name = "layer_norm_rows"} : () -> ()

// -----

// A scale that broadcasts over the normalized part (one value per row of it) keeps the scalar loops.
// CHECK-LABEL: "func.func"
// CHECK-NOT: vector<
// CHECK: sym_name = "layer_norm_broadcast_scale"
"func.func"() ({
^bb0(%x: tensor<2x3x16xf32>, %g: tensor<3x1xf32>):
  %y:3 = "nn.layer_norm"(%x, %g) {axis = 1 : i64} : (tensor<2x3x16xf32>, tensor<3x1xf32>) -> (tensor<2x3x16xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>)
  "func.return"(%y#0) : (tensor<2x3x16xf32>) -> ()
}) {function_type = (tensor<2x3x16xf32>, tensor<3x1xf32>) -> tensor<2x3x16xf32>, sym_name = "layer_norm_broadcast_scale"} : () -> ()

// Interpreting the modules on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "layer_norm_rows"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "layer_norm_broadcast_scale"
