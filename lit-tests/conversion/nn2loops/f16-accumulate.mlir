// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// Sums of f16 values go in f32 (NnLowering.accumulator), rounded to f16 once at the store: a
// sum kept in f16 stops growing once it is some 2048 times its terms. Over 65536 values the
// f16 sums made a mean 0 instead of -0.0037, a log softmax -8.3 instead of -11.0, a dot
// product 31.6 instead of 32.7 and a Gemm 27.1 instead of 25.9 (convolutions and pooling: below; the
// interpreter sums in double); --check-equivalence below compares them on random inputs.

// CHECK-LABEL: "func.func"
// CHECK: "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK: "scf.for"
// CHECK: %[[V:.*]] = "memref.load"({{.*}}) : (memref<1x65536xf16>, index, index) -> f16
// CHECK-NEXT: %[[W:.*]] = "arith.extf"(%[[V]]) : (f16) -> f32
// CHECK-NEXT: "arith.addf"(%{{.*}}, %[[W]]) : (f32, f32) -> f32
// CHECK: "arith.divf"({{.*}}) : (f32, f32) -> f32
// CHECK-NEXT: %[[R:.*]] = "arith.truncf"(%{{.*}}) : (f32) -> f16
// CHECK-NEXT: "memref.store"(%[[R]], {{.*}}) : (f16, memref<1x1xf16>, index, index) -> ()
// CHECK: sym_name = "mean"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "mean"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x65536xf16>):
    %0 = "nn.reduce_mean"(%x) {axes = array<i64: 1>} : (tensor<1x65536xf16>) -> tensor<1x1xf16>
    "func.return"(%0) : (tensor<1x1xf16>) -> ()
  }) {function_type = (tensor<1x65536xf16>) -> tensor<1x1xf16>, sym_name = "mean"} : () -> ()
}) : () -> ()

// -----

// CHECK-LABEL: // -----
// CHECK: "arith.extf"({{.*}}) : (f16) -> f32
// CHECK: "math.exp"({{.*}}) : (f32) -> f32
// CHECK: "math.log"({{.*}}) : (f32) -> f32
// CHECK: "arith.truncf"({{.*}}) : (f32) -> f16
// CHECK: sym_name = "log_softmax"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "log_softmax"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x65536xf16>):
    %0 = "nn.log_softmax"(%x) {axis = 1 : i64} : (tensor<1x65536xf16>) -> tensor<1x65536xf16>
    "func.return"(%0) : (tensor<1x65536xf16>) -> ()
  }) {function_type = (tensor<1x65536xf16>) -> tensor<1x65536xf16>, sym_name = "log_softmax"} : () -> ()
}) : () -> ()

// -----

// A matrix product of f16 goes by dot products (not accumulated in its f16 result).
// CHECK-LABEL: // -----
// CHECK: "arith.extf"({{.*}}) : (f16) -> f32
// CHECK: "arith.extf"({{.*}}) : (f16) -> f32
// CHECK: "arith.mulf"({{.*}}) : (f32, f32) -> f32
// CHECK: "arith.truncf"({{.*}}) : (f32) -> f16
// CHECK: sym_name = "dot"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "dot"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x65536xf16>, %y: tensor<65536x1xf16>):
    %0 = "nn.matmul"(%x, %y) : (tensor<1x65536xf16>, tensor<65536x1xf16>) -> tensor<1x1xf16>
    "func.return"(%0) : (tensor<1x1xf16>) -> ()
  }) {function_type = (tensor<1x65536xf16>, tensor<65536x1xf16>) -> tensor<1x1xf16>, sym_name = "dot"} : () -> ()
}) : () -> ()

// -----

// CHECK-LABEL: // -----
// CHECK: "arith.extf"({{.*}}) : (f16) -> f32
// CHECK: "math.rsqrt"({{.*}}) : (f32) -> f32
// CHECK: "arith.truncf"({{.*}}) : (f32) -> f16
// CHECK: sym_name = "layer_norm"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "layer_norm"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<2x32768xf16>, %s: tensor<32768xf16>):
    %0:3 = "nn.layer_norm"(%x, %s) {axis = 1 : i64} : (tensor<2x32768xf16>, tensor<32768xf16>) -> (tensor<2x32768xf16>, tensor<2x1xf32>, tensor<2x1xf32>)
    "func.return"(%0#0) : (tensor<2x32768xf16>) -> ()
  }) {function_type = (tensor<2x32768xf16>, tensor<32768xf16>) -> tensor<2x32768xf16>, sym_name = "layer_norm"} : () -> ()
}) : () -> ()

// -----

// Gemm of f16: dot products in f32, then alpha and beta * C in f32, rounded once.
// CHECK-LABEL: // -----
// CHECK: "arith.extf"({{.*}}) : (f16) -> f32
// CHECK: "arith.mulf"({{.*}}) : (f32, f32) -> f32
// CHECK: "arith.truncf"({{.*}}) : (f32) -> f16
// CHECK: sym_name = "gemm"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "gemm"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<2x65536xf16>, %y: tensor<3x65536xf16>, %c: tensor<3xf16>):
    %0 = "nn.gemm"(%x, %y, %c) {trans_b = 1 : i64, alpha = 5.000000e-01 : f64, beta = 2.000000e+00 : f64} : (tensor<2x65536xf16>, tensor<3x65536xf16>, tensor<3xf16>) -> tensor<2x3xf16>
    "func.return"(%0) : (tensor<2x3xf16>) -> ()
  }) {function_type = (tensor<2x65536xf16>, tensor<3x65536xf16>, tensor<3xf16>) -> tensor<2x3xf16>, sym_name = "gemm"} : () -> ()
}) : () -> ()

// -----

// A convolution of f16 (4096 channels by 3 x 3 taps, padded): each output the sum of its taps
// in f32 from the bias, the padding's taps zero, rounded once (summed into the f16 result:
// -19.7 instead of -20.4).
// CHECK-LABEL: // -----
// CHECK: "arith.extf"({{.*}}) : (f16) -> f32
// CHECK: "arith.mulf"({{.*}}) : (f32, f32) -> f32
// CHECK: "arith.select"({{.*}}) : (i1, f32, f32) -> f32
// CHECK: "arith.truncf"({{.*}}) : (f32) -> f16
// CHECK: sym_name = "conv"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x4096x4x4xf16>, %w: tensor<2x4096x3x3xf16>, %b: tensor<2xf16>):
    %0 = "nn.conv"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x4096x4x4xf16>, tensor<2x4096x3x3xf16>, tensor<2xf16>) -> tensor<1x2x4x4xf16>
    "func.return"(%0) : (tensor<1x2x4x4xf16>) -> ()
  }) {function_type = (tensor<1x4096x4x4xf16>, tensor<2x4096x3x3xf16>, tensor<2xf16>) -> tensor<1x2x4x4xf16>, sym_name = "conv"} : () -> ()
}) : () -> ()

// -----

// An average pool of f16 over a window of 64 x 64 sums and counts in f32, rounded once.
// CHECK-LABEL: // -----
// CHECK: "arith.extf"({{.*}}) : (f16) -> f32
// CHECK: "arith.addf"({{.*}}) : (f32, f32) -> f32
// CHECK: "arith.divf"({{.*}}) : (f32, f32) -> f32
// CHECK: "arith.truncf"({{.*}}) : (f32) -> f16
// CHECK: sym_name = "avg_pool"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "avg_pool"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x2x64x64xf16>):
    %0 = "nn.avg_pool"(%x) {kernel_shape = array<i64: 64, 64>} : (tensor<1x2x64x64xf16>) -> tensor<1x2x1x1xf16>
    "func.return"(%0) : (tensor<1x2x1x1xf16>) -> ()
  }) {function_type = (tensor<1x2x64x64xf16>) -> tensor<1x2x1x1xf16>, sym_name = "avg_pool"} : () -> ()
}) : () -> ()

// -----

// An average pool of f16 whose 3 x 3 windows are unrolled per plane (PlaneWindows), padded.
// CHECK-LABEL: // -----
// CHECK: "arith.extf"({{.*}}) : (f16) -> f32
// CHECK: "arith.divf"({{.*}}) : (f32, f32) -> f32
// CHECK: "arith.truncf"({{.*}}) : (f32) -> f16
// CHECK: sym_name = "avg_pool_planes"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "avg_pool_planes"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x2x9x9xf16>):
    %0 = "nn.avg_pool"(%x) {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x9x9xf16>) -> tensor<1x2x9x9xf16>
    "func.return"(%0) : (tensor<1x2x9x9xf16>) -> ()
  }) {function_type = (tensor<1x2x9x9xf16>) -> tensor<1x2x9x9xf16>, sym_name = "avg_pool_planes"} : () -> ()
}) : () -> ()

// -----

// Local response normalization of f16: the sum of squares and the normalization in f32, rounded
// once. (Over 8191 channels an f16 sum of squares stops at 2048, some 2700 in f32; the
// interpreter takes minutes there, so the equivalence below runs on 63.)
// CHECK-LABEL: // -----
// CHECK: "arith.extf"({{.*}}) : (f16) -> f32
// CHECK: "arith.mulf"({{.*}}) : (f32, f32) -> f32
// CHECK: "math.powf"({{.*}}) : (f32, f32) -> f32
// CHECK: "arith.truncf"({{.*}}) : (f32) -> f16
// CHECK: sym_name = "lrn"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "lrn"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x64x1x2xf16>):
    %0 = "nn.lrn"(%x) {size = 63 : i64, alpha = 6.300000e+01 : f64, beta = 2.500000e-01 : f64, bias = 1.000000e+00 : f64} : (tensor<1x64x1x2xf16>) -> tensor<1x64x1x2xf16>
    "func.return"(%0) : (tensor<1x64x1x2xf16>) -> ()
  }) {function_type = (tensor<1x64x1x2xf16>) -> tensor<1x64x1x2xf16>, sym_name = "lrn"} : () -> ()
}) : () -> ()

// -----

// A transposed convolution of f16 (4096 channels): each output's sum in f32 from the bias,
// rounded once.
// CHECK-LABEL: // -----
// CHECK: "arith.extf"({{.*}}) : (f16) -> f32
// CHECK: "arith.mulf"({{.*}}) : (f32, f32) -> f32
// CHECK: "arith.truncf"({{.*}}) : (f32) -> f16
// CHECK: sym_name = "conv_transpose"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_transpose"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x4096x2x2xf16>, %w: tensor<4096x2x3x3xf16>, %b: tensor<2xf16>):
    %0 = "nn.conv_transpose"(%x, %w, %b) : (tensor<1x4096x2x2xf16>, tensor<4096x2x3x3xf16>, tensor<2xf16>) -> tensor<1x2x4x4xf16>
    "func.return"(%0) : (tensor<1x2x4x4xf16>) -> ()
  }) {function_type = (tensor<1x4096x2x2xf16>, tensor<4096x2x3x3xf16>, tensor<2xf16>) -> tensor<1x2x4x4xf16>, sym_name = "conv_transpose"} : () -> ()
}) : () -> ()
