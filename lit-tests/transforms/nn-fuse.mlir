// RUN: %sol-opt %s -p nn-fuse --split-input-file | FileCheck %s
// RUN: %sol-opt %s --split-input-file -p 'nn-fuse,convert-nn-to-loops{vector-width=4 vector-registers=8},canonicalize,cse' | FileCheck %s --check-prefix=LOWER
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=4 vector-registers=8},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops,bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// EQUIV-NOT: changed the results

// Rule "epilogue": a convolution takes the residual add and the ReLU after it. The weights,
// the bias and the residual (defined after the convolution) become inputs of the group,
// which sits where the ReLU was.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x3x6x6xf32>, %[[R:.*]]: tensor<1x4x6x6xf32>):
// CHECK: %[[W:.*]] = "nn.constant"
// CHECK: %[[B:.*]] = "nn.constant"
// CHECK: %[[R2:.*]] = "nn.neg"(%[[R]])
// CHECK: %[[G:.*]] = "nn.fused"(%[[X]], %[[W]], %[[B]], %[[R2]]) ({
// CHECK-NEXT: ^bb0(%[[A0:.*]]: tensor<1x3x6x6xf32>, %[[A1:.*]]: tensor<4x3x3x3xf32>, %[[A2:.*]]: tensor<4xf32>, %[[A3:.*]]: tensor<1x4x6x6xf32>):
// CHECK-NEXT: %[[C:.*]] = "nn.conv"(%[[A0]], %[[A1]], %[[A2]])
// CHECK-NEXT: %[[S:.*]] = "nn.add"(%[[C]], %[[A3]])
// CHECK-NEXT: %[[Y:.*]] = "nn.relu"(%[[S]])
// CHECK-NEXT: "nn.yield"(%[[Y]])
// CHECK-NEXT: }) : (tensor<1x3x6x6xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>, tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
// CHECK-NEXT: "func.return"(%[[G]])

// Lowered as one kernel. A 3 x 3 convolution with stride 1 multiplies shifted copies of the
// image, so that the product's 36 columns are the output pixels themselves: each finished
// vector of a tile is added to the residual's and clamped at zero on its way to its one store
// in the result; the add and the ReLU have no loops of their own.
// LOWER-LABEL: "func.func"
// LOWER-NOT: "nn.{{(fused|conv|add|relu|neg)}}"
// LOWER: "vector.fma"
// LOWER: %[[RES:.*]] = "vector.load"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (memref<1x4x36xf32>, index, index, index) -> vector<4xf32>
// LOWER-NEXT: %[[SUM:.*]] = "arith.addf"(%{{.*}}, %[[RES]]) : (vector<4xf32>, vector<4xf32>) -> vector<4xf32>
// LOWER-NEXT: %[[NEG:.*]] = "arith.cmpf"(%[[SUM]], %[[ZERO:.*]]) {predicate = 4 : i64} : (vector<4xf32>, vector<4xf32>) -> vector<4xi1>
// LOWER-NEXT: %[[Y:.*]] = "arith.select"(%[[NEG]], %[[ZERO]], %[[SUM]]) : (vector<4xi1>, vector<4xf32>, vector<4xf32>) -> vector<4xf32>
// LOWER: "vector.store"(%[[Y]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (vector<4xf32>, memref<1x4x36xf32>, index, index, index) -> ()
// LOWER: sym_name = "conv_add_relu"
"func.func"() ({
^bb0(%x: tensor<1x3x6x6xf32>, %r: tensor<1x4x6x6xf32>):
  %w = "nn.constant"() {value = dense<[[[[0.1, -0.2, 0.3], [0.4, 0.5, -0.6], [0.7, 0.8, 0.9]], [[-0.1, 0.2, 0.3], [0.4, -0.5, 0.6], [0.7, 0.8, -0.9]], [[0.1, 0.2, -0.3], [-0.4, 0.5, 0.6], [0.7, -0.8, 0.9]]], [[[0.2, -0.2, 0.3], [0.4, 0.5, -0.6], [0.7, 0.8, 0.9]], [[-0.1, 0.2, 0.3], [0.4, -0.5, 0.6], [0.7, 0.8, -0.9]], [[0.1, 0.2, -0.3], [-0.4, 0.5, 0.6], [0.7, -0.8, 0.9]]], [[[0.3, -0.2, 0.3], [0.4, 0.5, -0.6], [0.7, 0.8, 0.9]], [[-0.1, 0.2, 0.3], [0.4, -0.5, 0.6], [0.7, 0.8, -0.9]], [[0.1, 0.2, -0.3], [-0.4, 0.5, 0.6], [0.7, -0.8, 0.9]]], [[[0.4, -0.2, 0.3], [0.4, 0.5, -0.6], [0.7, 0.8, 0.9]], [[-0.1, 0.2, 0.3], [0.4, -0.5, 0.6], [0.7, 0.8, -0.9]], [[0.1, 0.2, -0.3], [-0.4, 0.5, 0.6], [0.7, -0.8, 0.9]]]]> : tensor<4x3x3x3xf32>} : () -> tensor<4x3x3x3xf32>
  %b = "nn.constant"() {value = dense<[0.1, -0.2, 0.3, -0.4]> : tensor<4xf32>} : () -> tensor<4xf32>
  %0 = "nn.conv"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x6x6xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
  %n = "nn.neg"(%r) : (tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  %1 = "nn.add"(%0, %n) : (tensor<1x4x6x6xf32>, tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  %2 = "nn.relu"(%1) : (tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  "func.return"(%2) : (tensor<1x4x6x6xf32>) -> ()
}) {function_type = (tensor<1x3x6x6xf32>, tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>, sym_name = "conv_add_relu"} : () -> ()

// -----

// The chain stops at an op with two users (the clip's result is also returned) and at an op
// that is not element-wise: clip and leaky_relu join the product, the pooling does not.
// Odd sizes (7 output columns of 5 rows, 3 channels) exercise the masked last vector.
// CHECK-LABEL: "func.func"
// CHECK: %[[G:.*]] = "nn.fused"
// CHECK: "nn.conv"
// CHECK-NEXT: "nn.clip"
// CHECK-NEXT: "nn.yield"
// CHECK: "nn.max_pool"(%[[G]])
// CHECK: sym_name = "stops"
// LOWER-LABEL: "func.func"
// LOWER: "arith.cmpf"({{.*}}) {predicate = 4 : i64} : (vector<4xf32>, vector<4xf32>) -> vector<4xi1>
// LOWER: "arith.cmpf"({{.*}}) {predicate = 2 : i64} : (vector<4xf32>, vector<4xf32>) -> vector<4xi1>
// LOWER: "vector.transfer_write"
// LOWER: sym_name = "stops"
"func.func"() ({
^bb0(%x: tensor<1x2x5x7xf32>, %w: tensor<3x2x1x1xf32>):
  %0 = "nn.conv"(%x, %w) : (tensor<1x2x5x7xf32>, tensor<3x2x1x1xf32>) -> tensor<1x3x5x7xf32>
  %1 = "nn.clip"(%0) {min = -0.5 : f32, max = 0.5 : f32} : (tensor<1x3x5x7xf32>) -> tensor<1x3x5x7xf32>
  %2 = "nn.max_pool"(%1) {kernel_shape = array<i64: 2, 2>} : (tensor<1x3x5x7xf32>) -> tensor<1x3x4x6xf32>
  "func.return"(%1, %2) : (tensor<1x3x5x7xf32>, tensor<1x3x4x6xf32>) -> ()
}) {function_type = (tensor<1x2x5x7xf32>, tensor<3x2x1x1xf32>) -> (tensor<1x3x5x7xf32>, tensor<1x3x4x6xf32>), sym_name = "stops"} : () -> ()

// -----

// A gemm with a leaky ReLU and hard_swish: a group, whose kernel applies both to each vector of
// the product before storing it (or, without vectors, lowered op by op), with the same results.
// CHECK-LABEL: "func.func"
// CHECK: "nn.fused"
// CHECK: "nn.gemm"
// CHECK-NEXT: "nn.leaky_relu"
// CHECK-NEXT: "nn.hard_swish"
// CHECK-NEXT: "nn.yield"
// CHECK: sym_name = "gemm_leaky_hard_swish"
// LOWER-LABEL: "func.func"
// LOWER-NOT: "nn.{{(fused|gemm|leaky_relu|hard_swish)}}"
// LOWER: sym_name = "gemm_leaky_hard_swish"
"func.func"() ({
^bb0(%a: tensor<3x5xf32>, %b: tensor<5x6xf32>):
  %0 = "nn.gemm"(%a, %b) : (tensor<3x5xf32>, tensor<5x6xf32>) -> tensor<3x6xf32>
  %1 = "nn.leaky_relu"(%0) {alpha = 0.1 : f32} : (tensor<3x6xf32>) -> tensor<3x6xf32>
  %2 = "nn.hard_swish"(%1) : (tensor<3x6xf32>) -> tensor<3x6xf32>
  "func.return"(%2) : (tensor<3x6xf32>) -> ()
}) {function_type = (tensor<3x5xf32>, tensor<5x6xf32>) -> tensor<3x6xf32>, sym_name = "gemm_leaky_hard_swish"} : () -> ()

// -----

// Rule "element-wise chain": a batch norm takes the ReLU after it (DenseNet's pre-activation);
// lowered as one loop nest that normalizes, clamps and stores each element once.
// CHECK-LABEL: "func.func"
// CHECK: %[[G:.*]] = "nn.fused"
// CHECK-NEXT: ^bb0(
// CHECK-NEXT: %[[N:.*]] = "nn.batch_norm"
// CHECK-NEXT: %[[Y:.*]] = "nn.relu"(%[[N]])
// CHECK-NEXT: "nn.yield"(%[[Y]])
// CHECK: sym_name = "batch_norm_relu"
// LOWER-LABEL: "func.func"
// LOWER-NOT: "nn.{{(fused|batch_norm|relu)}}"
// LOWER: "math.rsqrt"
// LOWER: %[[V:.*]] = "arith.addf"
// LOWER-NEXT: %[[NEG:.*]] = "arith.cmpf"(%[[V]], %[[ZERO:.*]]) {predicate = 4 : i64} : (f32, f32) -> i1
// LOWER-NEXT: %[[Y:.*]] = "arith.select"(%[[NEG]], %[[ZERO]], %[[V]]) : (i1, f32, f32) -> f32
// LOWER-NEXT: "memref.store"(%[[Y]]
// LOWER-NOT: "memref.store"
// LOWER: sym_name = "batch_norm_relu"
"func.func"() ({
^bb0(%x: tensor<1x3x2x4xf32>, %s: tensor<3xf32>, %b: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>):
  %0 = "nn.batch_norm"(%x, %s, %b, %m, %v) {epsilon = 1.000000e-03 : f32} : (tensor<1x3x2x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x2x4xf32>
  %1 = "nn.relu"(%0) : (tensor<1x3x2x4xf32>) -> tensor<1x3x2x4xf32>
  "func.return"(%1) : (tensor<1x3x2x4xf32>) -> ()
}) {function_type = (tensor<1x3x2x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x2x4xf32>, sym_name = "batch_norm_relu"} : () -> ()
// EQUIV: sym_name = "batch_norm_relu"

// -----

// sigmoid, tanh and gelu are epilogue activations too: the lowering computes them on each
// finished vector of the convolution (the inlined tanh: a clamp, two polynomials, a division).
// CHECK-LABEL: "func.func"
// CHECK: "nn.fused"
// CHECK-NEXT: ^bb0
// CHECK-NEXT: %[[C:.*]] = "nn.conv"
// CHECK-NEXT: %[[S:.*]] = "nn.sigmoid"(%[[C]])
// CHECK-NEXT: %[[T:.*]] = "nn.tanh"(%[[S]])
// CHECK-NEXT: %[[G:.*]] = "nn.gelu"(%[[T]])
// CHECK-NEXT: "nn.yield"(%[[G]])
// CHECK: sym_name = "conv_sigmoid_tanh_gelu"
// LOWER-LABEL: "func.func"
// LOWER-NOT: "nn.{{(fused|conv|sigmoid|tanh|gelu)}}"
// LOWER: "vector.fma"
// LOWER: "math.tanh"({{.*}}) : (vector<4xf32>) -> vector<4xf32>
// LOWER: "math.tanh"({{.*}}) : (vector<4xf32>) -> vector<4xf32>
// LOWER: "math.erf"({{.*}}) : (vector<4xf32>) -> vector<4xf32>
// LOWER: "vector.store"
// LOWER: sym_name = "conv_sigmoid_tanh_gelu"
"func.func"() ({
^bb0(%x: tensor<1x2x5x7xf32>, %w: tensor<3x2x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x7xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x5x7xf32>
  %1 = "nn.sigmoid"(%0) : (tensor<1x3x5x7xf32>) -> tensor<1x3x5x7xf32>
  %2 = "nn.tanh"(%1) : (tensor<1x3x5x7xf32>) -> tensor<1x3x5x7xf32>
  %3 = "nn.gelu"(%2) : (tensor<1x3x5x7xf32>) -> tensor<1x3x5x7xf32>
  "func.return"(%3) : (tensor<1x3x5x7xf32>) -> ()
}) {function_type = (tensor<1x2x5x7xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x5x7xf32>, sym_name = "conv_sigmoid_tanh_gelu"} : () -> ()
// EQUIV: sym_name = "conv_sigmoid_tanh_gelu"

// -----

// SiLU as exported, x * sigmoid(x): the convolution's result has two users, the sigmoid and
// the mul, and both join the group; the lowering multiplies each vector by its own sigmoid.
// A SiLU whose x is used elsewhere too (here the second mul's x is also returned) stays out.
// CHECK-LABEL: "func.func"
// CHECK: %[[G:.*]] = "nn.fused"
// CHECK-NEXT: ^bb0
// CHECK-NEXT: %[[C:.*]] = "nn.conv"
// CHECK-NEXT: %[[S:.*]] = "nn.sigmoid"(%[[C]])
// CHECK-NEXT: %[[M:.*]] = "nn.mul"(%[[C]], %[[S]])
// CHECK-NEXT: "nn.yield"(%[[M]])
// CHECK: %[[C2:.*]] = "nn.conv"(%[[G]]
// CHECK-NEXT: %[[S2:.*]] = "nn.sigmoid"(%[[C2]])
// CHECK-NEXT: "nn.mul"(%[[S2]], %[[C2]])
// CHECK: sym_name = "conv_silu"
// LOWER-LABEL: "func.func"
// LOWER: "vector.fma"
// LOWER: %[[T:.*]] = "math.tanh"({{.*}}) : (vector<4xf32>) -> vector<4xf32>
// LOWER: "arith.mulf"({{.*}}) : (vector<4xf32>, vector<4xf32>) -> vector<4xf32>
// LOWER: "vector.store"
// LOWER: sym_name = "conv_silu"
"func.func"() ({
^bb0(%x: tensor<1x2x5x7xf32>, %w: tensor<2x2x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x7xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x5x7xf32>
  %1 = "nn.sigmoid"(%0) : (tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  %2 = "nn.mul"(%0, %1) : (tensor<1x2x5x7xf32>, tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  %3 = "nn.conv"(%2, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x7xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x5x7xf32>
  %4 = "nn.sigmoid"(%3) : (tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  %5 = "nn.mul"(%4, %3) : (tensor<1x2x5x7xf32>, tensor<1x2x5x7xf32>) -> tensor<1x2x5x7xf32>
  "func.return"(%5, %3) : (tensor<1x2x5x7xf32>, tensor<1x2x5x7xf32>) -> ()
}) {function_type = (tensor<1x2x5x7xf32>, tensor<2x2x3x3xf32>) -> (tensor<1x2x5x7xf32>, tensor<1x2x5x7xf32>), sym_name = "conv_silu"} : () -> ()
// EQUIV: sym_name = "conv_silu"

// -----

// A linear layer exported as MatMul + Add (rows of a 3-D input against a 2-D weight), then a
// residual add and a ReLU: one group. Its kernel adds the bias row at each vector's columns and
// the residual at the result's place, and stores each vector once.
// CHECK-LABEL: "func.func"
// CHECK: %[[G:.*]] = "nn.fused"
// CHECK-NEXT: ^bb0(
// CHECK-NEXT: %[[P:.*]] = "nn.matmul"
// CHECK-NEXT: %[[B:.*]] = "nn.add"(%{{.*}}, %[[P]])
// CHECK-NEXT: %[[R:.*]] = "nn.add"(%[[B]], %{{.*}})
// CHECK-NEXT: %[[Y:.*]] = "nn.relu"(%[[R]])
// CHECK-NEXT: "nn.yield"(%[[Y]])
// CHECK: sym_name = "matmul_bias_residual_relu"
// LOWER-LABEL: "func.func"
// LOWER-NOT: "nn.{{(fused|matmul|add|relu)}}"
// LOWER: "vector.fma"
// LOWER: %[[BIAS:.*]] = "vector.load"(%{{.*}}, %{{.*}}) : (memref<24xf32>, index) -> vector<4xf32>
// LOWER-NEXT: "arith.addf"(%{{.*}}, %[[BIAS]]) : (vector<4xf32>, vector<4xf32>) -> vector<4xf32>
// LOWER: "vector.load"({{.*}}) : (memref<6x24xf32>, index, index) -> vector<4xf32>
// LOWER: "arith.select"
// LOWER: "vector.store"
// LOWER: sym_name = "matmul_bias_residual_relu"
"func.func"() ({
^bb0(%x: tensor<2x3x8xf32>, %w: tensor<8x24xf32>, %b: tensor<24xf32>, %r: tensor<2x3x24xf32>):
  %0 = "nn.matmul"(%x, %w) : (tensor<2x3x8xf32>, tensor<8x24xf32>) -> tensor<2x3x24xf32>
  %1 = "nn.add"(%b, %0) : (tensor<24xf32>, tensor<2x3x24xf32>) -> tensor<2x3x24xf32>
  %2 = "nn.add"(%1, %r) : (tensor<2x3x24xf32>, tensor<2x3x24xf32>) -> tensor<2x3x24xf32>
  %3 = "nn.relu"(%2) : (tensor<2x3x24xf32>) -> tensor<2x3x24xf32>
  "func.return"(%3) : (tensor<2x3x24xf32>) -> ()
}) {function_type = (tensor<2x3x8xf32>, tensor<8x24xf32>, tensor<24xf32>, tensor<2x3x24xf32>) -> tensor<2x3x24xf32>, sym_name = "matmul_bias_residual_relu"} : () -> ()
// EQUIV: sym_name = "matmul_bias_residual_relu"

// -----

// Attention's scores: a batched matmul scaled by one value (broadcast into each vector), then a
// bias of shape [1, 1, 1, n]; a column ([..., m, 1]) is no row and stays out of the group.
// CHECK-LABEL: "func.func"
// CHECK: %[[G:.*]] = "nn.fused"
// CHECK-NEXT: ^bb0(
// CHECK-NEXT: %[[P:.*]] = "nn.matmul"
// CHECK-NEXT: %[[S:.*]] = "nn.mul"(%[[P]], %{{.*}})
// CHECK-NEXT: %[[B:.*]] = "nn.add"(%[[S]], %{{.*}})
// CHECK-NEXT: "nn.yield"(%[[B]])
// CHECK: "nn.add"(%[[G]], %{{.*}}) : (tensor<1x2x5x6xf32>, tensor<1x1x5x1xf32>)
// CHECK: sym_name = "scores_scale_bias"
// LOWER-LABEL: "func.func"
// LOWER-NOT: "nn.{{(fused|matmul|mul|add)}}"
// LOWER: "vector.fma"
// LOWER: %[[ONE:.*]] = "memref.load"(%{{.*}}) : (memref<f32>) -> f32
// LOWER-NEXT: %[[SPLAT:.*]] = "vector.broadcast"(%[[ONE]]) : (f32) -> vector<4xf32>
// LOWER-NEXT: "arith.mulf"(%{{.*}}, %[[SPLAT]]) : (vector<4xf32>, vector<4xf32>) -> vector<4xf32>
// LOWER: sym_name = "scores_scale_bias"
"func.func"() ({
^bb0(%q: tensor<1x2x5x4xf32>, %k: tensor<1x2x4x6xf32>, %s: tensor<f32>, %b: tensor<1x1x1x6xf32>, %c: tensor<1x1x5x1xf32>):
  %0 = "nn.matmul"(%q, %k) : (tensor<1x2x5x4xf32>, tensor<1x2x4x6xf32>) -> tensor<1x2x5x6xf32>
  %1 = "nn.mul"(%0, %s) : (tensor<1x2x5x6xf32>, tensor<f32>) -> tensor<1x2x5x6xf32>
  %2 = "nn.add"(%1, %b) : (tensor<1x2x5x6xf32>, tensor<1x1x1x6xf32>) -> tensor<1x2x5x6xf32>
  %3 = "nn.add"(%2, %c) : (tensor<1x2x5x6xf32>, tensor<1x1x5x1xf32>) -> tensor<1x2x5x6xf32>
  "func.return"(%3) : (tensor<1x2x5x6xf32>) -> ()
}) {function_type = (tensor<1x2x5x4xf32>, tensor<1x2x4x6xf32>, tensor<f32>, tensor<1x1x1x6xf32>, tensor<1x1x5x1xf32>) -> tensor<1x2x5x6xf32>, sym_name = "scores_scale_bias"} : () -> ()
// EQUIV: sym_name = "scores_scale_bias"

// -----

// A fully connected layer on one row against constant weights (gemm, transB) goes by dot
// products (VectorGemv); the group's bias row and ReLU then run over the row, in the same kernel.
// CHECK-LABEL: "func.func"
// CHECK: "nn.fused"
// CHECK: sym_name = "row_bias_relu"
// LOWER-LABEL: "func.func"
// LOWER-NOT: "nn.{{(fused|gemm|add|relu)}}"
// LOWER: "vector.fma"
// LOWER: "scf.for"
// LOWER: "memref.load"({{.*}}) : (memref<1x6xf32>, index, index) -> f32
// LOWER: "memref.load"({{.*}}) : (memref<6xf32>, index) -> f32
// LOWER: "arith.addf"
// LOWER: "arith.select"
// LOWER: "memref.store"({{.*}}) : (f32, memref<1x6xf32>, index, index) -> ()
// LOWER: sym_name = "row_bias_relu"
"func.func"() ({
^bb0(%x: tensor<1x8xf32>, %b: tensor<6xf32>):
  %w = "nn.constant"() {value = dense<[[0.1, -0.2, 0.3, 0.4, 0.5, -0.6, 0.7, 0.8], [-0.1, 0.2, 0.3, 0.4, -0.5, 0.6, 0.7, 0.8], [0.1, 0.2, -0.3, -0.4, 0.5, 0.6, 0.7, -0.8], [0.2, -0.2, 0.3, 0.4, 0.5, -0.6, 0.7, 0.8], [-0.3, 0.2, 0.3, 0.4, -0.5, 0.6, 0.7, 0.8], [0.4, 0.2, -0.3, -0.4, 0.5, 0.6, 0.7, -0.8]]> : tensor<6x8xf32>} : () -> tensor<6x8xf32>
  %0 = "nn.gemm"(%x, %w) {trans_b = 1 : i64} : (tensor<1x8xf32>, tensor<6x8xf32>) -> tensor<1x6xf32>
  %1 = "nn.add"(%0, %b) : (tensor<1x6xf32>, tensor<6xf32>) -> tensor<1x6xf32>
  %2 = "nn.relu"(%1) : (tensor<1x6xf32>) -> tensor<1x6xf32>
  "func.return"(%2) : (tensor<1x6xf32>) -> ()
}) {function_type = (tensor<1x8xf32>, tensor<6xf32>) -> tensor<1x6xf32>, sym_name = "row_bias_relu"} : () -> ()
// EQUIV: sym_name = "row_bias_relu"

// -----

// Rule "pool": a convolution's group takes the max pool that is the only user of its ReLU (a
// stem); the group yields the pool's result. (conv-max-pool-fused.mlir checks its kernel.)
// CHECK-LABEL: "func.func"
// CHECK: %[[G:.*]] = "nn.fused"
// CHECK-NEXT: ^bb0
// CHECK-NEXT: %[[C:.*]] = "nn.conv"
// CHECK-NEXT: %[[R:.*]] = "nn.relu"(%[[C]])
// CHECK-NEXT: %[[P:.*]] = "nn.max_pool"(%[[R]])
// CHECK-NEXT: "nn.yield"(%[[P]]) : (tensor<1x4x4x4xf32>) -> ()
// CHECK-NEXT: }) : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32>
// CHECK-NEXT: "func.return"(%[[G]])
// CHECK: sym_name = "conv_relu_pool"
// Lowered as one kernel: the pooled result, the weights packed at run time, the shifted copies
// of the image and one band's convolution rows (all 8 of them) are its only buffers.
// LOWER-LABEL: "func.func"
// LOWER-NOT: "nn.{{(fused|conv|relu|max_pool)}}"
// LOWER: "memref.alloc"() {{.*}} -> memref<1x4x4x4xf32>
// LOWER-NEXT: "memref.alloc"() {{.*}} -> memref<1x27x4xf32>
// LOWER: "memref.alloc"() {{.*}} -> memref<{{[0-9]+}}xf32>
// LOWER: "memref.alloc"() {{.*}} -> memref<1x4x8x8xf32>
// LOWER-NOT: "memref.alloc"
// LOWER: "vector.fma"
// LOWER: sym_name = "conv_relu_pool"
"func.func"() ({
^bb0(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  %1 = "nn.relu"(%0) : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %2 = "nn.max_pool"(%1) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
  "func.return"(%2) : (tensor<1x4x4x4xf32>) -> ()
}) {function_type = (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32>, sym_name = "conv_relu_pool"} : () -> ()
// EQUIV: sym_name = "conv_relu_pool"

// -----

// A pool that shares the convolution's result with another user stays outside the group: the
// result is needed whole anyway.
// CHECK-LABEL: "func.func"
// CHECK: %[[G:.*]] = "nn.fused"
// CHECK-NOT: "nn.max_pool"
// CHECK: "nn.yield"
// CHECK: "nn.max_pool"(%[[G]])
// CHECK: sym_name = "pool_with_another_user"
"func.func"() ({
^bb0(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  %1 = "nn.relu"(%0) : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %2 = "nn.max_pool"(%1) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
  "func.return"(%1, %2) : (tensor<1x4x8x8xf32>, tensor<1x4x4x4xf32>) -> ()
}) {function_type = (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> (tensor<1x4x8x8xf32>, tensor<1x4x4x4xf32>), sym_name = "pool_with_another_user"} : () -> ()
// EQUIV: sym_name = "pool_with_another_user"

// -----

// Rule "mean": a convolution's group takes the mean over the two spatial axes (a global
// average pool) that is the only user of its ReLU; the group yields the mean.
// (conv-mean-fused.mlir checks its kernel.)
// CHECK-LABEL: "func.func"
// CHECK: %[[G:.*]] = "nn.fused"
// CHECK-NEXT: ^bb0
// CHECK-NEXT: %[[C:.*]] = "nn.conv"
// CHECK-NEXT: %[[R:.*]] = "nn.relu"(%[[C]])
// CHECK-NEXT: %[[M:.*]] = "nn.reduce_mean"(%[[R]])
// CHECK-NEXT: "nn.yield"(%[[M]]) : (tensor<1x4x1x1xf32>) -> ()
// CHECK-NEXT: }) : (tensor<1x3x8x8xf32>, tensor<4x3x1x1xf32>) -> tensor<1x4x1x1xf32>
// CHECK-NEXT: "func.return"(%[[G]])
// CHECK: sym_name = "conv_relu_mean"
"func.func"() ({
^bb0(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x1x1xf32>):
  %0 = "nn.conv"(%x, %w) : (tensor<1x3x8x8xf32>, tensor<4x3x1x1xf32>) -> tensor<1x4x8x8xf32>
  %1 = "nn.relu"(%0) : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %2 = "nn.reduce_mean"(%1) {axes = array<i64: 2, 3>, keepdims = 1 : i64} : (tensor<1x4x8x8xf32>) -> tensor<1x4x1x1xf32>
  "func.return"(%2) : (tensor<1x4x1x1xf32>) -> ()
}) {function_type = (tensor<1x3x8x8xf32>, tensor<4x3x1x1xf32>) -> tensor<1x4x1x1xf32>, sym_name = "conv_relu_mean"} : () -> ()
// EQUIV: sym_name = "conv_relu_mean"

// -----

// Means over other axes stay outside the group: over the channels, or over one spatial axis.
// CHECK-LABEL: "func.func"
// CHECK: %[[G:.*]] = "nn.fused"
// CHECK-NOT: "nn.reduce_mean"
// CHECK: "nn.yield"
// CHECK: "nn.reduce_mean"(%[[G]]) {axes = array<i64: 1>
// CHECK: sym_name = "mean_over_channels"
"func.func"() ({
^bb0(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x1x1xf32>):
  %0 = "nn.conv"(%x, %w) : (tensor<1x3x8x8xf32>, tensor<4x3x1x1xf32>) -> tensor<1x4x8x8xf32>
  %1 = "nn.relu"(%0) : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %2 = "nn.reduce_mean"(%1) {axes = array<i64: 1>, keepdims = 1 : i64} : (tensor<1x4x8x8xf32>) -> tensor<1x1x8x8xf32>
  "func.return"(%2) : (tensor<1x1x8x8xf32>) -> ()
}) {function_type = (tensor<1x3x8x8xf32>, tensor<4x3x1x1xf32>) -> tensor<1x1x8x8xf32>, sym_name = "mean_over_channels"} : () -> ()
// EQUIV: sym_name = "mean_over_channels"

// -----

// CHECK-LABEL: "func.func"
// CHECK: %[[G:.*]] = "nn.fused"
// CHECK-NOT: "nn.reduce_mean"
// CHECK: "nn.yield"
// CHECK: "nn.reduce_mean"(%[[G]]) {axes = array<i64: 3>
// CHECK: sym_name = "mean_over_rows"
"func.func"() ({
^bb0(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x1x1xf32>):
  %0 = "nn.conv"(%x, %w) : (tensor<1x3x8x8xf32>, tensor<4x3x1x1xf32>) -> tensor<1x4x8x8xf32>
  %1 = "nn.relu"(%0) : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %2 = "nn.reduce_mean"(%1) {axes = array<i64: 3>, keepdims = 1 : i64} : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x1xf32>
  "func.return"(%2) : (tensor<1x4x8x1xf32>) -> ()
}) {function_type = (tensor<1x3x8x8xf32>, tensor<4x3x1x1xf32>) -> tensor<1x4x8x1xf32>, sym_name = "mean_over_rows"} : () -> ()
// EQUIV: sym_name = "mean_over_rows"

// -----

// A mean that shares the convolution's result with another user stays outside the group.
// CHECK-LABEL: "func.func"
// CHECK: %[[G:.*]] = "nn.fused"
// CHECK-NOT: "nn.reduce_mean"
// CHECK: "nn.yield"
// CHECK: "nn.reduce_mean"(%[[G]])
// CHECK: sym_name = "mean_with_another_user"
"func.func"() ({
^bb0(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x1x1xf32>):
  %0 = "nn.conv"(%x, %w) : (tensor<1x3x8x8xf32>, tensor<4x3x1x1xf32>) -> tensor<1x4x8x8xf32>
  %1 = "nn.relu"(%0) : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %2 = "nn.reduce_mean"(%1) {axes = array<i64: 2, 3>, keepdims = 1 : i64} : (tensor<1x4x8x8xf32>) -> tensor<1x4x1x1xf32>
  "func.return"(%1, %2) : (tensor<1x4x8x8xf32>, tensor<1x4x1x1xf32>) -> ()
}) {function_type = (tensor<1x3x8x8xf32>, tensor<4x3x1x1xf32>) -> (tensor<1x4x8x8xf32>, tensor<1x4x1x1xf32>), sym_name = "mean_with_another_user"} : () -> ()
// EQUIV: sym_name = "mean_with_another_user"

// -----

// Rule "normalization": an instance normalization as imported (a layer norm over the axes
// after the channels, its statistics unused, then the per-channel scale and bias as a batch
// norm) takes the batch norm and the ReLU after it. Lowered, each normalized row's vectors are
// multiplied and shifted by values made once per row from the row's channel (row mod 3), and
// the constant scale of ones is not read.
// CHECK-LABEL: "func.func"
// CHECK: %[[G:.*]] = "nn.fused"
// CHECK-NEXT: ^bb0(
// CHECK-NEXT: %[[N:.*]]:3 = "nn.layer_norm"
// CHECK-NEXT: %[[B:.*]] = "nn.batch_norm"(%[[N]]#0,
// CHECK-NEXT: %[[R:.*]] = "nn.relu"(%[[B]])
// CHECK-NEXT: "nn.yield"(%[[R]])
// CHECK: "func.return"(%[[G]])
// CHECK: sym_name = "instance_norm_relu"
// LOWER-LABEL: "func.func"
// LOWER-NOT: "nn.{{(fused|layer_norm|batch_norm|relu)}}"
// LOWER: %[[C:.*]] = "arith.remui"
// LOWER: %[[D:.*]] = "math.rsqrt"
// LOWER: "vector.broadcast"
// LOWER: "vector.broadcast"
// LOWER: "scf.for"
// LOWER: %[[V:.*]] = "vector.load"
// LOWER: "arith.mulf"
// LOWER-NOT: "vector.load"
// LOWER: "arith.mulf"
// LOWER: "arith.addf"
// LOWER: "arith.cmpf"
// LOWER: "vector.store"
// LOWER: sym_name = "instance_norm_relu"
"func.func"() ({
^bb0(%x: tensor<2x3x5x7xf32>):
  %ones = "nn.constant"() {value = dense<1.0> : tensor<5x7xf32>} : () -> tensor<5x7xf32>
  %n:3 = "nn.layer_norm"(%x, %ones) {axis = 2 : i64, epsilon = 1.0e-05 : f64} : (tensor<2x3x5x7xf32>, tensor<5x7xf32>) -> (tensor<2x3x5x7xf32>, tensor<2x3x1x1xf32>, tensor<2x3x1x1xf32>)
  %g = "nn.constant"() {value = dense<[1.5, -0.5, 0.25]> : tensor<3xf32>} : () -> tensor<3xf32>
  %b = "nn.constant"() {value = dense<[0.1, 0.2, -0.3]> : tensor<3xf32>} : () -> tensor<3xf32>
  %m = "nn.constant"() {value = dense<0.0> : tensor<3xf32>} : () -> tensor<3xf32>
  %v = "nn.constant"() {value = dense<1.0> : tensor<3xf32>} : () -> tensor<3xf32>
  %y = "nn.batch_norm"(%n#0, %g, %b, %m, %v) {epsilon = 0.0 : f64} : (tensor<2x3x5x7xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x5x7xf32>
  %r = "nn.relu"(%y) : (tensor<2x3x5x7xf32>) -> tensor<2x3x5x7xf32>
  "func.return"(%r) : (tensor<2x3x5x7xf32>) -> ()
}) {function_type = (tensor<2x3x5x7xf32>) -> tensor<2x3x5x7xf32>, sym_name = "instance_norm_relu"} : () -> ()
// EQUIV: sym_name = "instance_norm_relu"
