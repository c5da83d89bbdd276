// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.batch_norm (inference): one loop nest over the input; the four per-channel operands
// are read at the channel index (dimension 1) and
// out = (x - mean) * rsqrt(var + epsilon) * scale + bias, with the given epsilon.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3x2xf32>, %[[S:.*]]: tensor<3xf32>, %[[B:.*]]: tensor<3xf32>, %[[M:.*]]: tensor<3xf32>, %[[V:.*]]: tensor<3xf32>):
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[SM:.*]] = "bufferization.to_memref"(%[[S]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK-DAG: %[[MM:.*]] = "bufferization.to_memref"(%[[M]])
// CHECK-DAG: %[[VM:.*]] = "bufferization.to_memref"(%[[V]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3x2xf32>
// CHECK-DAG: %[[UBN:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBN]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[N:.*]]: index):
// CHECK-DAG: %[[UBC:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBC]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[C:.*]]: index):
// CHECK-DAG: %[[UBW:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBW]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[W:.*]]: index):
// CHECK-DAG: %[[VAR:.*]] = "memref.load"(%[[VM]], %[[C]]) : (memref<3xf32>, index) -> f32
// CHECK-DAG: %[[EPS:.*]] = "arith.constant"() {value = 1.000000e-03 : f32}
// CHECK: %[[VE:.*]] = "arith.addf"(%[[VAR]], %[[EPS]])
// CHECK: %[[INV:.*]] = "math.rsqrt"(%[[VE]])
// CHECK-DAG: %[[XV:.*]] = "memref.load"(%[[XM]], %[[N]], %[[C]], %[[W]]) : (memref<2x3x2xf32>, index, index, index) -> f32
// CHECK-DAG: %[[MEAN:.*]] = "memref.load"(%[[MM]], %[[C]])
// CHECK: %[[D:.*]] = "arith.subf"(%[[XV]], %[[MEAN]])
// CHECK: %[[NORM:.*]] = "arith.mulf"(%[[D]], %[[INV]])
// CHECK: %[[SC:.*]] = "memref.load"(%[[SM]], %[[C]])
// CHECK: %[[SCALED:.*]] = "arith.mulf"(%[[NORM]], %[[SC]])
// CHECK: %[[BI:.*]] = "memref.load"(%[[BM]], %[[C]])
// CHECK: %[[R:.*]] = "arith.addf"(%[[SCALED]], %[[BI]])
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[N]], %[[C]], %[[W]])
// CHECK: sym_name = "batch_norm"
"func.func"() ({
^bb0(%x: tensor<2x3x2xf32>, %s: tensor<3xf32>, %b: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>):
  %0 = "nn.batch_norm"(%x, %s, %b, %m, %v) {epsilon = 1.000000e-03 : f32} : (tensor<2x3x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x2xf32>
  "func.return"(%0) : (tensor<2x3x2xf32>) -> ()
}) {function_type = (tensor<2x3x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x2xf32>, sym_name = "batch_norm"} : () -> ()

// The default epsilon is 1e-5. The variance is a random input in [-1, 1) here, so the
// function squares it first (nn.mul) to keep rsqrt real.
// CHECK-LABEL: "func.func"
// CHECK: "arith.mulf"
// CHECK: "scf.for"
// CHECK-DAG: %[[EPS:.*]] = "arith.constant"() {value = 9.99999974E-6 : f32}
// CHECK: "arith.addf"(%{{.*}}, %[[EPS]])
// CHECK: "math.rsqrt"
// CHECK: sym_name = "batch_norm_default_epsilon"
"func.func"() ({
^bb0(%x: tensor<1x2xf32>, %s: tensor<2xf32>, %b: tensor<2xf32>, %m: tensor<2xf32>, %v: tensor<2xf32>):
  %sq = "nn.mul"(%v, %v) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %0 = "nn.batch_norm"(%x, %s, %b, %m, %sq) : (tensor<1x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  "func.return"(%0) : (tensor<1x2xf32>) -> ()
}) {function_type = (tensor<1x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2xf32>, sym_name = "batch_norm_default_epsilon"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results
// (NaN where the random variance is negative, on both sides).
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3x2xf32>, memref<3xf32>, memref<3xf32>, memref<3xf32>, memref<3xf32>, memref<2x3x2xf32>) -> (), sym_name = "batch_norm"
// EQUIV: function_type = (memref<1x2xf32>, memref<2xf32>, memref<2xf32>, memref<2xf32>, memref<2xf32>, memref<1x2xf32>) -> (), sym_name = "batch_norm_default_epsilon"
