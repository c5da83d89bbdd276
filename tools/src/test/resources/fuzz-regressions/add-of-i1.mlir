// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.compare of floats: an ordered predicate (olt = 4), so that a NaN compares false; the
// right operand broadcast along the rows.
// CHECK-LABEL: "func.func"
// CHECK: %[[X:.*]] = "memref.load"(%{{.*}}, %{{.*}}, %{{.*}}) : (memref<2x3xf32>, index, index) -> f32
// CHECK: %[[Y:.*]] = "memref.load"(%{{.*}}, %{{.*}}) : (memref<3xf32>, index) -> f32
// CHECK: %[[C:.*]] = "arith.cmpf"(%[[X]], %[[Y]]) {predicate = 4 : i64} : (f32, f32) -> i1
// CHECK: "memref.store"(%[[C]], %{{.*}}, %{{.*}}, %{{.*}}) : (i1, memref<2x3xi1>, index, index) -> ()
// CHECK: sym_name = "less"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>, %y: tensor<3xf32>):
  %c = "nn.compare"(%x, %y) {predicate = "lt"} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>
  "func.return"(%c) : (tensor<2x3xi1>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xi1>, sym_name = "less"} : () -> ()

// Integers compare signed (sgt = 4), or unsigned (ugt = 8) when the tensors hold ui8.
// CHECK-LABEL: "func.func"
// CHECK: "arith.cmpi"(%{{.*}}, %{{.*}}) {predicate = 4 : i64} : (i32, i32) -> i1
// CHECK: sym_name = "tf_crop_and_resize"
"func.func"() ({
^bb0(%x: tensor<4xi32>, %y: tensor<4xi32>):
  %c = "nn.compare"(%x, %y) {predicate = "gt"} : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi1>
  "func.return"(%c) : (tensor<4xi1>) -> ()
}) {function_type = (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi1>, sym_name = "greater_signed"} : () -> ()

// CHECK-LABEL: "func.func"
// CHECK: "arith.cmpi"(%{{.*}}, %{{.*}}) {predicate = 8 : i64} : (i8, i8) -> i1
// CHECK: sym_name = "greater_unsigned"
"func.func"() ({
^bb0(%x: tensor<4xui8>, %y: tensor<1xui8>):
  %c = "nn.compare"(%x, %y) {predicate = "gt"} : (tensor<4xui8>, tensor<1xui8>) -> tensor<4xi1>
  "func.return"(%c) : (tensor<4xi1>) -> ()
}) {function_type = (tensor<4xui8>, tensor<1xui8>) -> tensor<4xi1>, sym_name = "greater_unsigned"} : () -> ()

// The logical ops: arith.andi, ori and xori on i1; nn.not as xori with true.
// CHECK-LABEL: "func.func"
// CHECK: "arith.andi"
// CHECK: "arith.ori"
// CHECK: "arith.xori"
// CHECK: %[[TRUE:.*]] = "arith.constant"() {value = true} : () -> i1
// CHECK: "arith.xori"(%{{.*}}, %[[TRUE]]) : (i1, i1) -> i1
// CHECK: sym_name = "logic"
"func.func"() ({
^bb0(%a: tensor<2x4xi1>, %b: tensor<4xi1>):
  %and = "nn.and"(%a, %b) : (tensor<2x4xi1>, tensor<4xi1>) -> tensor<2x4xi1>
  %or = "nn.add"(%and, %b) : (tensor<2x4xi1>, tensor<4xi1>) -> tensor<2x4xi1>
  %xor = "nn.xor"(%or, %a) : (tensor<2x4xi1>, tensor<2x4xi1>) -> tensor<2x4xi1>
  %not = "nn.not"(%xor) : (tensor<2x4xi1>) -> tensor<2x4xi1>
  "func.return"(%not) : (tensor<2x4xi1>) -> ()
}) {function_type = (tensor<2x4xi1>, tensor<4xi1>) -> tensor<2x4xi1>, sym_name = "logic"} : () -> ()

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "logic"
