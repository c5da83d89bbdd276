// RUN: %sol-opt %s --split-input-file --canonicalize | FileCheck %s
// RUN: %sol-opt %s --split-input-file --canonicalize --check-equivalence 2>&1 | FileCheck %s --check-prefix=EQUIV

// Ops that exporters leave and that change nothing go: a cast to the same type, a slice of all
// of a tensor, a multiplication by ones (either side), a division by one, a subtraction of zero.
// CHECK-LABEL: "func.func"
// CHECK-NEXT: ^bb0
// CHECK-NEXT: "func.return"(%arg0) : (tensor<2x3xf32>) -> ()
// CHECK: sym_name = "noops"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %one = "nn.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
  %ones = "nn.constant"() {value = dense<[1.0, 1.0, 1.0]> : tensor<3xf32>} : () -> tensor<3xf32>
  %zero = "nn.constant"() {value = dense<0.0> : tensor<1x3xf32>} : () -> tensor<1x3xf32>
  %a = "nn.cast"(%x) {to = f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %b = "nn.slice"(%a) {starts = array<i64: 0, 0>, ends = array<i64: 2, 3>, steps = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %c = "nn.mul"(%b, %one) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %d = "nn.mul"(%ones, %c) : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %e = "nn.div"(%d, %one) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %f = "nn.sub"(%e, %zero) : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  "func.return"(%f) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "noops"} : () -> ()

// -----

// These change something and stay: an addition of zero (-0 + 0 is +0), a multiplication by a
// one that broadcasts the result wider, by a constant that is not all ones, a division of one
// by x, a subtraction from zero, a subtraction of -0 (x + 0 again), a cast to another type, a
// reversing slice of all of a row.
// CHECK-LABEL: "func.func"
// CHECK: "nn.add"
// CHECK: "nn.mul"
// CHECK: "nn.mul"
// CHECK: "nn.div"
// CHECK: "nn.sub"
// CHECK: "nn.sub"
// CHECK: "nn.cast"
// CHECK: "nn.slice"
// CHECK: sym_name = "kept"
"func.func"() ({
^bb0(%x: tensor<3xf32>):
  %one = "nn.constant"() {value = dense<1.0> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %mixed = "nn.constant"() {value = dense<[1.0, 2.0, 1.0]> : tensor<3xf32>} : () -> tensor<3xf32>
  %zero = "nn.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %s1 = "nn.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
  %negzero = "nn.constant"() {value = dense<-0.0> : tensor<f32>} : () -> tensor<f32>
  %a = "nn.add"(%x, %zero) : (tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
  %b = "nn.mul"(%x, %one) : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %c = "nn.mul"(%x, %mixed) : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  %d = "nn.div"(%s1, %x) : (tensor<f32>, tensor<3xf32>) -> tensor<3xf32>
  %e = "nn.sub"(%zero, %x) : (tensor<f32>, tensor<3xf32>) -> tensor<3xf32>
  %h = "nn.sub"(%x, %negzero) : (tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
  %f = "nn.cast"(%x) {to = f64} : (tensor<3xf32>) -> tensor<3xf64>
  %g = "nn.slice"(%x) {starts = array<i64: 2>, ends = array<i64: -1>, steps = array<i64: -1>} : (tensor<3xf32>) -> tensor<3xf32>
  "func.return"(%a, %b, %c, %d, %e, %h, %f, %g) : (tensor<3xf32>, tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf64>, tensor<3xf32>) -> ()
}) {function_type = (tensor<3xf32>) -> (tensor<3xf32>, tensor<2x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf64>, tensor<3xf32>), sym_name = "kept"} : () -> ()

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "noops"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "kept"
// EQUIV-NOT: changed the results
