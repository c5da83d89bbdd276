// ONNX's unsigned tensors (ui8, ui16, ...): buffers hold signless integers and the loops pick
// the unsigned arith variants (maxui, divui, fptoui); nn-to-loops-integers.mlir shows the casts.
// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.add"' --implicit-check-not='"nn.max"' --implicit-check-not='"nn.div"' --implicit-check-not='"nn.cast"'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// CHECK-LABEL: "func.func"
// CHECK: "scf.for"
// CHECK: "arith.addi"
// CHECK: sym_name = "add_ui8"
"func.func"() ({
^bb0(%a: tensor<4xui8>, %b: tensor<4xui8>):
  %0 = "nn.add"(%a, %b) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  "func.return"(%0) : (tensor<4xui8>) -> ()
}) {function_type = (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>, sym_name = "add_ui8"} : () -> ()

// CHECK-LABEL: "func.func"
// CHECK: "scf.for"
// CHECK: "arith.maxui"
// CHECK: sym_name = "max_ui8"
"func.func"() ({
^bb0(%a: tensor<4xui8>, %b: tensor<4xui8>):
  %0 = "nn.max"(%a, %b) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  "func.return"(%0) : (tensor<4xui8>) -> ()
}) {function_type = (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>, sym_name = "max_ui8"} : () -> ()

// CHECK-LABEL: "func.func"
// CHECK: "arith.divui"
// CHECK: sym_name = "div_ui16"
"func.func"() ({
^bb0(%a: tensor<4xui16>, %b: tensor<4xui16>):
  %one = "nn.constant"() {value = dense<1> : tensor<ui16>} : () -> tensor<ui16>
  %d = "nn.add"(%b, %one) : (tensor<4xui16>, tensor<ui16>) -> tensor<4xui16>
  %0 = "nn.div"(%a, %d) : (tensor<4xui16>, tensor<4xui16>) -> tensor<4xui16>
  "func.return"(%0) : (tensor<4xui16>) -> ()
}) {function_type = (tensor<4xui16>, tensor<4xui16>) -> tensor<4xui16>, sym_name = "div_ui16"} : () -> ()

// CHECK-LABEL: "func.func"
// CHECK: "arith.fptoui"
// CHECK: sym_name = "cast_to_ui8"
"func.func"() ({
^bb0(%a: tensor<4xf32>):
  %0 = "nn.cast"(%a) : (tensor<4xf32>) -> tensor<4xui8>
  "func.return"(%0) : (tensor<4xui8>) -> ()
}) {function_type = (tensor<4xf32>) -> tensor<4xui8>, sym_name = "cast_to_ui8"} : () -> ()

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "add_ui8"
// EQUIV: sym_name = "max_ui8"
// EQUIV: sym_name = "div_ui16"
// EQUIV: sym_name = "cast_to_ui8"
