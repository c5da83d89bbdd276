// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.pow'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// A float to a constant small integer power (GELU's x^3, x^-2) is multiplications in f32:
// x^3 = x * x^2; x^-2 = 1 / (x * x); no f64, no powf.
// CHECK-LABEL: "func.func"
// CHECK: %[[X:.*]] = "memref.load"
// CHECK: %[[SQ:.*]] = "arith.mulf"(%[[X]], %[[X]]) : (f32, f32) -> f32
// CHECK-NEXT: %[[CUBE:.*]] = "arith.mulf"(%[[X]], %[[SQ]]) : (f32, f32) -> f32
// CHECK-NEXT: "memref.store"(%[[CUBE]]
// CHECK: %[[Y:.*]] = "memref.load"
// CHECK: %[[YY:.*]] = "arith.mulf"(%[[Y]], %[[Y]]) : (f32, f32) -> f32
// CHECK: %[[INV:.*]] = "arith.divf"(%{{.*}}, %[[YY]]) : (f32, f32) -> f32
// CHECK-NEXT: "memref.store"(%[[INV]]
// CHECK-NOT: "math.powf"
// CHECK: sym_name = "pow_small_integers"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %three = "nn.constant"() {value = dense<3.0> : tensor<f32>} : () -> tensor<f32>
  %minus2 = "nn.constant"() {value = dense<-2.0> : tensor<3xf32>} : () -> tensor<3xf32>
  %0 = "nn.pow"(%x, %three) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %1 = "nn.pow"(%0, %minus2) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  "func.return"(%1) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "pow_small_integers"} : () -> ()
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "pow_small_integers"
