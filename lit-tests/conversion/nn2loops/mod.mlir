// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.mod of floats: arith.remf (C's fmod).
// CHECK-LABEL: "func.func"
// CHECK: "arith.remf"
// CHECK: sym_name = "fmod_f32"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>, %y: tensor<3xf32>):
  %r = "nn.mod"(%x, %y) {fmod = 1 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  "func.return"(%r) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>, sym_name = "fmod_f32"} : () -> ()

// Signed integers, fmod = 0: the divisor 0 or -1 replaced by 1 before arith.remsi, then the
// divisor added where the remainder is not 0 and its sign differs from the divisor's.
// CHECK-LABEL: "func.func"
// CHECK: %[[DIV:.*]] = "arith.select"
// CHECK: %[[R:.*]] = "arith.remsi"(%{{.*}}, %[[DIV]])
// CHECK: %[[SUM:.*]] = "arith.addi"(%[[R]], %[[DIV]])
// CHECK: "arith.select"(%{{.*}}, %[[SUM]], %[[R]])
// CHECK: sym_name = "mod_i32"
"func.func"() ({
^bb0(%x: tensor<8xi32>, %y: tensor<8xi32>):
  %r = "nn.mod"(%x, %y) : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>
  "func.return"(%r) : (tensor<8xi32>) -> ()
}) {function_type = (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>, sym_name = "mod_i32"} : () -> ()

// Unsigned integers: arith.remui, whatever fmod says.
// CHECK-LABEL: "func.func"
// CHECK: "arith.remui"
// CHECK-NOT: "arith.addi"
// CHECK: sym_name = "mod_ui8"
"func.func"() ({
^bb0(%x: tensor<8xui8>, %y: tensor<8xui8>):
  %r = "nn.mod"(%x, %y) : (tensor<8xui8>, tensor<8xui8>) -> tensor<8xui8>
  "func.return"(%r) : (tensor<8xui8>) -> ()
}) {function_type = (tensor<8xui8>, tensor<8xui8>) -> tensor<8xui8>, sym_name = "mod_ui8"} : () -> ()

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "mod_ui8"
