// RUN: %sol-opt --load-dialect nn %s --split-input-file --nn-fold-batchnorm | FileCheck %s
// RUN: %sol-opt --load-dialect nn %s --split-input-file --nn-fold-batchnorm --check-equivalence 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt --load-dialect nn %s --split-input-file --pipeline=cpu --check-equivalence 2>&1 | FileCheck %s --check-prefix=EQUIV

// A per-channel addition, then a per-channel multiplication, after a convolution without bias
// (a bias and a Caffe Scale layer written out): both fold into the convolution, whose bias
// becomes (0 + t) * s = [1.5, 5, 1.5, 16] and whose weights are scaled by s per output
// channel; the ReLU stays after it.
// CHECK-LABEL: "func.func"
// CHECK: %[[W:.*]] = "nn.constant"() {value = dense<"0x0000403F{{.*}}"> : tensor<4x8x3x3xf32>}
// CHECK: %[[B:.*]] = "nn.constant"() {value = dense<[1.500000e+00, 5.000000e+00, 1.500000e+00, 1.600000e+01]> : tensor<4xf32>}
// CHECK: %[[C:.*]] = "nn.conv"(%arg0, %[[W]], %[[B]]) {{.*}} -> tensor<1x4x6x6xf32>
// CHECK-NEXT: "nn.relu"(%[[C]])
// CHECK-NOT: "nn.add"
// CHECK-NOT: "nn.mul"
// CHECK: sym_name = "add_then_scale"
"func.func"() ({
^bb0(%x: tensor<1x8x6x6xf32>):
  %w = "nn.constant"() {value = dense<0.5> : tensor<4x8x3x3xf32>} : () -> tensor<4x8x3x3xf32>
  %t = "nn.constant"() {value = dense<[[[[1.0]], [[2.0]], [[3.0]], [[4.0]]]]> : tensor<1x4x1x1xf32>} : () -> tensor<1x4x1x1xf32>
  %s = "nn.constant"() {value = dense<[[[[1.5]], [[2.5]], [[0.5]], [[4.0]]]]> : tensor<1x4x1x1xf32>} : () -> tensor<1x4x1x1xf32>
  %c = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x8x6x6xf32>, tensor<4x8x3x3xf32>) -> tensor<1x4x6x6xf32>
  %a = "nn.add"(%c, %t) : (tensor<1x4x6x6xf32>, tensor<1x4x1x1xf32>) -> tensor<1x4x6x6xf32>
  %m = "nn.mul"(%s, %a) : (tensor<1x4x1x1xf32>, tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  %r = "nn.relu"(%m) : (tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  "func.return"(%r) : (tensor<1x4x6x6xf32>) -> ()
}) {function_type = (tensor<1x8x6x6xf32>) -> tensor<1x4x6x6xf32>, sym_name = "add_then_scale"} : () -> ()

// -----

// A division by a C x 1 x 1 constant and a subtraction of one scalar, after a convolution with
// a bias: b' = b / d - 1 = [0, 1, -0.5] - 1, the weights divided by d.
// CHECK-LABEL: "func.func"
// CHECK: %[[W:.*]] = "nn.constant"() {value = dense<2.500000e-01> : tensor<3x2x1x1xf32>}
// CHECK: %[[B:.*]] = "nn.constant"() {value = dense<[-1.000000e+00, 0.000000e+00, -1.500000e+00]> : tensor<3xf32>}
// CHECK: "nn.conv"(%arg0, %[[W]], %[[B]])
// CHECK-NOT: "nn.div"
// CHECK-NOT: "nn.sub"
// CHECK: sym_name = "divide_subtract"
"func.func"() ({
^bb0(%x: tensor<2x2x5x5xf32>):
  %w = "nn.constant"() {value = dense<0.5> : tensor<3x2x1x1xf32>} : () -> tensor<3x2x1x1xf32>
  %b = "nn.constant"() {value = dense<[0.0, 2.0, -1.0]> : tensor<3xf32>} : () -> tensor<3xf32>
  %d = "nn.constant"() {value = dense<[[[2.0]], [[2.0]], [[2.0]]]> : tensor<3x1x1xf32>} : () -> tensor<3x1x1xf32>
  %one = "nn.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
  %c = "nn.conv"(%x, %w, %b) : (tensor<2x2x5x5xf32>, tensor<3x2x1x1xf32>, tensor<3xf32>) -> tensor<2x3x5x5xf32>
  %q = "nn.div"(%c, %d) : (tensor<2x3x5x5xf32>, tensor<3x1x1xf32>) -> tensor<2x3x5x5xf32>
  %y = "nn.sub"(%q, %one) : (tensor<2x3x5x5xf32>, tensor<f32>) -> tensor<2x3x5x5xf32>
  "func.return"(%y) : (tensor<2x3x5x5xf32>) -> ()
}) {function_type = (tensor<2x2x5x5xf32>) -> tensor<2x3x5x5xf32>, sym_name = "divide_subtract"} : () -> ()

// -----

// Left as they are: an operand given at run time, a constant that varies along the pixels, one
// that widens the result to two images, a division by zero, a subtraction from a constant, and
// a convolution whose result has another user.
// CHECK-LABEL: "func.func"
// CHECK-COUNT-6: "nn.conv"(%arg0, %{{[0-9]+}})
// CHECK: "nn.mul"
// CHECK: "nn.add"
// CHECK: "nn.mul"
// CHECK: "nn.div"
// CHECK: "nn.sub"
// CHECK: "nn.mul"
// CHECK: sym_name = "kept"
"func.func"() ({
^bb0(%x: tensor<1x2x4x4xf32>, %s: tensor<1x3x1x1xf32>):
  %w = "nn.constant"() {value = dense<0.5> : tensor<3x2x1x1xf32>} : () -> tensor<3x2x1x1xf32>
  %plane = "nn.constant"() {value = dense<2.0> : tensor<1x1x4x4xf32>} : () -> tensor<1x1x4x4xf32>
  %batch = "nn.constant"() {value = dense<2.0> : tensor<2x3x1x1xf32>} : () -> tensor<2x3x1x1xf32>
  %zero = "nn.constant"() {value = dense<[[[0.0]], [[1.0]], [[2.0]]]> : tensor<3x1x1xf32>} : () -> tensor<3x1x1xf32>
  %two = "nn.constant"() {value = dense<2.0> : tensor<f32>} : () -> tensor<f32>
  %c1 = "nn.conv"(%x, %w) : (tensor<1x2x4x4xf32>, tensor<3x2x1x1xf32>) -> tensor<1x3x4x4xf32>
  %c2 = "nn.conv"(%x, %w) : (tensor<1x2x4x4xf32>, tensor<3x2x1x1xf32>) -> tensor<1x3x4x4xf32>
  %c3 = "nn.conv"(%x, %w) : (tensor<1x2x4x4xf32>, tensor<3x2x1x1xf32>) -> tensor<1x3x4x4xf32>
  %c4 = "nn.conv"(%x, %w) : (tensor<1x2x4x4xf32>, tensor<3x2x1x1xf32>) -> tensor<1x3x4x4xf32>
  %c5 = "nn.conv"(%x, %w) : (tensor<1x2x4x4xf32>, tensor<3x2x1x1xf32>) -> tensor<1x3x4x4xf32>
  %c6 = "nn.conv"(%x, %w) : (tensor<1x2x4x4xf32>, tensor<3x2x1x1xf32>) -> tensor<1x3x4x4xf32>
  %r1 = "nn.mul"(%c1, %s) : (tensor<1x3x4x4xf32>, tensor<1x3x1x1xf32>) -> tensor<1x3x4x4xf32>
  %r2 = "nn.add"(%c2, %plane) : (tensor<1x3x4x4xf32>, tensor<1x1x4x4xf32>) -> tensor<1x3x4x4xf32>
  %r3 = "nn.mul"(%c3, %batch) : (tensor<1x3x4x4xf32>, tensor<2x3x1x1xf32>) -> tensor<2x3x4x4xf32>
  %r4 = "nn.div"(%c4, %zero) : (tensor<1x3x4x4xf32>, tensor<3x1x1xf32>) -> tensor<1x3x4x4xf32>
  %r5 = "nn.sub"(%two, %c5) : (tensor<f32>, tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
  %r6 = "nn.mul"(%c6, %two) : (tensor<1x3x4x4xf32>, tensor<f32>) -> tensor<1x3x4x4xf32>
  "func.return"(%r1, %r2, %r3, %r4, %r5, %r6, %c6) : (tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>, tensor<2x3x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>) -> ()
}) {function_type = (tensor<1x2x4x4xf32>, tensor<1x3x1x1xf32>) -> (tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>, tensor<2x3x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>, tensor<1x3x4x4xf32>), sym_name = "kept"} : () -> ()

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "add_then_scale"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "divide_subtract"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "kept"
// EQUIV-NOT: changed the results
