// RUN: %sol-opt %s -p nn-raise-gelu --split-input-file | FileCheck %s
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-raise-gelu,nn-fuse,convert-nn-to-loops{vector-width=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// EQUIV-NOT: changed the results

// GELU as PyTorch exports it before opset 20: x / sqrt(2), erf, + 1, times x, times 0.5. One
// nn.gelu takes the five ops' place, and the product's group (nn-fuse) then takes it.
// CHECK-LABEL: "func.func"
// CHECK-NOT: "nn.erf"
// CHECK: %[[P:.*]] = "nn.matmul"
// CHECK-NEXT: %[[G:.*]] = "nn.gelu"(%[[P]]) {approximate = "none"} : (tensor<2x16xf32>) -> tensor<2x16xf32>
// CHECK-NEXT: "func.return"(%[[G]])
// CHECK: sym_name = "div_form"
// EQUIV: sym_name = "div_form"
"func.func"() ({
^bb0(%a: tensor<2x8xf32>, %b: tensor<8x16xf32>):
  %r2 = "nn.constant"() {value = dense<1.41421354> : tensor<f32>} : () -> tensor<f32>
  %one = "nn.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
  %half = "nn.constant"() {value = dense<0.5> : tensor<f32>} : () -> tensor<f32>
  %x = "nn.matmul"(%a, %b) : (tensor<2x8xf32>, tensor<8x16xf32>) -> tensor<2x16xf32>
  %0 = "nn.div"(%x, %r2) : (tensor<2x16xf32>, tensor<f32>) -> tensor<2x16xf32>
  %1 = "nn.erf"(%0) : (tensor<2x16xf32>) -> tensor<2x16xf32>
  %2 = "nn.add"(%1, %one) : (tensor<2x16xf32>, tensor<f32>) -> tensor<2x16xf32>
  %3 = "nn.mul"(%x, %2) : (tensor<2x16xf32>, tensor<2x16xf32>) -> tensor<2x16xf32>
  %4 = "nn.mul"(%3, %half) : (tensor<2x16xf32>, tensor<f32>) -> tensor<2x16xf32>
  "func.return"(%4) : (tensor<2x16xf32>) -> ()
}) {function_type = (tensor<2x8xf32>, tensor<8x16xf32>) -> tensor<2x16xf32>, sym_name = "div_form"} : () -> ()

// -----

// The other grouping, x * 0.5 first, with x times 1 / sqrt(2) and the operands turned around.
// CHECK-LABEL: "func.func"
// CHECK-NOT: "nn.erf"
// CHECK: "nn.gelu"(%{{.*}}) {approximate = "none"} : (tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK-NOT: "nn.mul"
// CHECK: sym_name = "mul_form"
// EQUIV: sym_name = "mul_form"
"func.func"() ({
^bb0(%x: tensor<3x5xf32>):
  %s = "nn.constant"() {value = dense<[0.707106769]> : tensor<1xf32>} : () -> tensor<1xf32>
  %one = "nn.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
  %half = "nn.constant"() {value = dense<0.5> : tensor<f32>} : () -> tensor<f32>
  %0 = "nn.mul"(%s, %x) : (tensor<1xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %1 = "nn.erf"(%0) : (tensor<3x5xf32>) -> tensor<3x5xf32>
  %2 = "nn.add"(%one, %1) : (tensor<f32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %3 = "nn.mul"(%half, %x) : (tensor<f32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %4 = "nn.mul"(%2, %3) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  "func.return"(%4) : (tensor<3x5xf32>) -> ()
}) {function_type = (tensor<3x5xf32>) -> tensor<3x5xf32>, sym_name = "mul_form"} : () -> ()

// -----

// In f16, each constant as f16 rounds it (1 / sqrt(2) is 0.70703125).
// CHECK-LABEL: "func.func"
// CHECK-NOT: "nn.erf"
// CHECK: "nn.gelu"(%{{.*}}) {approximate = "none"} : (tensor<8xf16>) -> tensor<8xf16>
// CHECK: sym_name = "f16_form"
// EQUIV: sym_name = "f16_form"
"func.func"() ({
^bb0(%x: tensor<8xf16>):
  %s = "nn.constant"() {value = dense<0.70703125> : tensor<f16>} : () -> tensor<f16>
  %one = "nn.constant"() {value = dense<1.0> : tensor<f16>} : () -> tensor<f16>
  %half = "nn.constant"() {value = dense<0.5> : tensor<f16>} : () -> tensor<f16>
  %0 = "nn.mul"(%x, %s) : (tensor<8xf16>, tensor<f16>) -> tensor<8xf16>
  %1 = "nn.erf"(%0) : (tensor<8xf16>) -> tensor<8xf16>
  %2 = "nn.add"(%1, %one) : (tensor<8xf16>, tensor<f16>) -> tensor<8xf16>
  %3 = "nn.mul"(%x, %2) : (tensor<8xf16>, tensor<8xf16>) -> tensor<8xf16>
  %4 = "nn.mul"(%3, %half) : (tensor<8xf16>, tensor<f16>) -> tensor<8xf16>
  "func.return"(%4) : (tensor<8xf16>) -> ()
}) {function_type = (tensor<8xf16>) -> tensor<8xf16>, sym_name = "f16_form"} : () -> ()

// -----

// GPT-2's GELU (Hugging Face's NewGELU): 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))), the
// cube as nn.pow: nn.gelu with approximate "tanh", which the gemm's group then takes.
// CHECK-LABEL: "func.func"
// CHECK-NOT: "nn.tanh"
// CHECK: %[[P:.*]] = "nn.gemm"
// CHECK-NEXT: "nn.gelu"(%[[P]]) {approximate = "tanh"} : (tensor<2x16xf32>) -> tensor<2x16xf32>
// CHECK-NOT: "nn.pow"
// CHECK: sym_name = "tanh_pow_form"
// EQUIV: sym_name = "tanh_pow_form"
"func.func"() ({
^bb0(%a: tensor<2x8xf32>, %b: tensor<8x16xf32>):
  %three = "nn.constant"() {value = dense<3.0> : tensor<f32>} : () -> tensor<f32>
  %k = "nn.constant"() {value = dense<0.044715> : tensor<f32>} : () -> tensor<f32>
  %c = "nn.constant"() {value = dense<0.797884583> : tensor<f32>} : () -> tensor<f32>
  %one = "nn.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
  %half = "nn.constant"() {value = dense<0.5> : tensor<f32>} : () -> tensor<f32>
  %x = "nn.gemm"(%a, %b) : (tensor<2x8xf32>, tensor<8x16xf32>) -> tensor<2x16xf32>
  %0 = "nn.mul"(%half, %x) : (tensor<f32>, tensor<2x16xf32>) -> tensor<2x16xf32>
  %1 = "nn.pow"(%x, %three) : (tensor<2x16xf32>, tensor<f32>) -> tensor<2x16xf32>
  %2 = "nn.mul"(%k, %1) : (tensor<f32>, tensor<2x16xf32>) -> tensor<2x16xf32>
  %3 = "nn.add"(%x, %2) : (tensor<2x16xf32>, tensor<2x16xf32>) -> tensor<2x16xf32>
  %4 = "nn.mul"(%c, %3) : (tensor<f32>, tensor<2x16xf32>) -> tensor<2x16xf32>
  %5 = "nn.tanh"(%4) : (tensor<2x16xf32>) -> tensor<2x16xf32>
  %6 = "nn.add"(%one, %5) : (tensor<f32>, tensor<2x16xf32>) -> tensor<2x16xf32>
  %7 = "nn.mul"(%0, %6) : (tensor<2x16xf32>, tensor<2x16xf32>) -> tensor<2x16xf32>
  "func.return"(%7) : (tensor<2x16xf32>) -> ()
}) {function_type = (tensor<2x8xf32>, tensor<8x16xf32>) -> tensor<2x16xf32>, sym_name = "tanh_pow_form"} : () -> ()

// -----

// The tanh form as PyTorch's exporter writes it: the cube as (x * x) * x, the sum with x on the
// right, the scale after, and 0.5 last.
// CHECK-LABEL: "func.func"
// CHECK-NOT: "nn.tanh"
// CHECK: "nn.gelu"(%{{.*}}) {approximate = "tanh"} : (tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK-NOT: "nn.mul"
// CHECK: sym_name = "tanh_mul_form"
// EQUIV: sym_name = "tanh_mul_form"
"func.func"() ({
^bb0(%x: tensor<3x5xf32>):
  %k = "nn.constant"() {value = dense<0.044715> : tensor<f32>} : () -> tensor<f32>
  %c = "nn.constant"() {value = dense<0.797884583> : tensor<f32>} : () -> tensor<f32>
  %one = "nn.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
  %half = "nn.constant"() {value = dense<0.5> : tensor<f32>} : () -> tensor<f32>
  %0 = "nn.mul"(%x, %x) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %1 = "nn.mul"(%0, %x) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %2 = "nn.mul"(%1, %k) : (tensor<3x5xf32>, tensor<f32>) -> tensor<3x5xf32>
  %3 = "nn.add"(%2, %x) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %4 = "nn.mul"(%3, %c) : (tensor<3x5xf32>, tensor<f32>) -> tensor<3x5xf32>
  %5 = "nn.tanh"(%4) : (tensor<3x5xf32>) -> tensor<3x5xf32>
  %6 = "nn.add"(%5, %one) : (tensor<3x5xf32>, tensor<f32>) -> tensor<3x5xf32>
  %7 = "nn.mul"(%x, %6) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %8 = "nn.mul"(%7, %half) : (tensor<3x5xf32>, tensor<f32>) -> tensor<3x5xf32>
  "func.return"(%8) : (tensor<3x5xf32>) -> ()
}) {function_type = (tensor<3x5xf32>) -> tensor<3x5xf32>, sym_name = "tanh_mul_form"} : () -> ()

// -----

// Not a GELU: a scale of 0.6 instead of 0.5, an erf whose result is used twice, and a plain
// tanh plus one. All stay.
// CHECK-LABEL: "func.func"
// CHECK-NOT: "nn.gelu"
// CHECK: "nn.tanh"
// CHECK-NOT: "nn.gelu"
// CHECK: sym_name = "not_gelu"
"func.func"() ({
^bb0(%x: tensor<4xf32>, %y: tensor<4xf32>):
  %r2 = "nn.constant"() {value = dense<1.41421354> : tensor<f32>} : () -> tensor<f32>
  %one = "nn.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
  %h = "nn.constant"() {value = dense<0.6> : tensor<f32>} : () -> tensor<f32>
  %half = "nn.constant"() {value = dense<0.5> : tensor<f32>} : () -> tensor<f32>
  %0 = "nn.div"(%x, %r2) : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %1 = "nn.erf"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  %2 = "nn.add"(%1, %one) : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %3 = "nn.mul"(%x, %2) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %4 = "nn.mul"(%3, %h) : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %5 = "nn.div"(%y, %r2) : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %6 = "nn.erf"(%5) : (tensor<4xf32>) -> tensor<4xf32>
  %7 = "nn.add"(%6, %one) : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %8 = "nn.mul"(%y, %7) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %9 = "nn.mul"(%8, %half) : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %10 = "nn.add"(%9, %6) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %11 = "nn.tanh"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %12 = "nn.add"(%11, %one) : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  "func.return"(%4, %10, %12) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> ()
}) {function_type = (tensor<4xf32>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>), sym_name = "not_gelu"} : () -> ()
// EQUIV: sym_name = "not_gelu"
