// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.sin, nn.cos and nn.round: math.sin, math.cos and math.roundeven (halves to even).
// CHECK-LABEL: "func.func"
// CHECK: "math.sin"
// CHECK: "math.cos"
// CHECK: "math.roundeven"
// CHECK: sym_name = "trig_round"
"func.func"() ({
^bb0(%x: tensor<3x5xf32>):
  %s = "nn.sin"(%x) : (tensor<3x5xf32>) -> tensor<3x5xf32>
  %c = "nn.cos"(%s) : (tensor<3x5xf32>) -> tensor<3x5xf32>
  %r = "nn.round"(%c) : (tensor<3x5xf32>) -> tensor<3x5xf32>
  "func.return"(%r) : (tensor<3x5xf32>) -> ()
}) {function_type = (tensor<3x5xf32>) -> tensor<3x5xf32>, sym_name = "trig_round"} : () -> ()

// nn.sign of floats: x > 0 (ogt = 2) ? 1 : x < 0 (olt = 4) ? -1 : x + 0, so that a NaN stays
// NaN and -0 becomes +0.
// CHECK-LABEL: "func.func"
// CHECK: %[[X:.*]] = "memref.load"
// CHECK: %[[LT:.*]] = "arith.cmpf"(%[[X]], %{{.*}}) {predicate = 4 : i64}
// CHECK: %[[PLUS:.*]] = "arith.addf"(%[[X]], %{{.*}})
// CHECK: %[[REST:.*]] = "arith.select"(%[[LT]], %{{.*}}, %[[PLUS]])
// CHECK: %[[GT:.*]] = "arith.cmpf"(%[[X]], %{{.*}}) {predicate = 2 : i64}
// CHECK: "arith.select"(%[[GT]], %{{.*}}, %[[REST]])
// CHECK: sym_name = "sign_f32"
"func.func"() ({
^bb0(%x: tensor<6xf32>):
  %y = "nn.sign"(%x) : (tensor<6xf32>) -> tensor<6xf32>
  "func.return"(%y) : (tensor<6xf32>) -> ()
}) {function_type = (tensor<6xf32>) -> tensor<6xf32>, sym_name = "sign_f32"} : () -> ()

// Signed integers compare with slt (2) and sgt (4); unsigned ones are 1 where not 0 (ne = 1).
// CHECK-LABEL: "func.func"
// CHECK: "arith.cmpi"(%{{.*}}, %{{.*}}) {predicate = 2 : i64}
// CHECK: "arith.cmpi"(%{{.*}}, %{{.*}}) {predicate = 4 : i64}
// CHECK: sym_name = "sign_i32"
"func.func"() ({
^bb0(%x: tensor<6xi32>):
  %y = "nn.sign"(%x) : (tensor<6xi32>) -> tensor<6xi32>
  "func.return"(%y) : (tensor<6xi32>) -> ()
}) {function_type = (tensor<6xi32>) -> tensor<6xi32>, sym_name = "sign_i32"} : () -> ()

// CHECK-LABEL: "func.func"
// CHECK: "arith.cmpi"(%{{.*}}, %{{.*}}) {predicate = 1 : i64}
// CHECK-NOT: "arith.cmpi"
// CHECK: sym_name = "sign_ui8"
"func.func"() ({
^bb0(%x: tensor<6xui8>):
  %y = "nn.sign"(%x) : (tensor<6xui8>) -> tensor<6xui8>
  "func.return"(%y) : (tensor<6xui8>) -> ()
}) {function_type = (tensor<6xui8>) -> tensor<6xui8>, sym_name = "sign_ui8"} : () -> ()

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "sign_ui8"
