// nn verifiers check every attribute a user can write wrong (axes, modes, sizes, element types)
// before anything uses it; the ONNX import reports the same messages naming the node (lit-tests/onnx/bad-attributes.mlir).
// RUN: %sol-opt --load-dialect nn --split-input-file --verify-diagnostics %s

// Reduction axes lie in [-rank, rank) and name each dimension once.
"func.func"() ({
^bb0(%a: tensor<2x3xf32>):
  // expected-error @+1 {{'nn.reduce_sum' op axis 2 is out of range for rank 2}}
  %0 = "nn.reduce_sum"(%a) {axes = array<i64: 2>} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>) -> (), sym_name = "f0"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xf32>):
  // expected-error @+1 {{'nn.reduce_max' op axes name dimension 1 twice: [1, -1]}}
  %0 = "nn.reduce_max"(%a) {axes = array<i64: 1, -1>} : (tensor<2x3xf32>) -> tensor<2x1xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>) -> (), sym_name = "f1"} : () -> ()

// -----

// A rank-0 tensor has no axis to reduce.
"func.func"() ({
^bb0(%a: tensor<f32>):
  // expected-error @+1 {{'nn.reduce_mean' op axis 0 is out of range for rank 0}}
  %0 = "nn.reduce_mean"(%a) {axes = array<i64: 0>} : (tensor<f32>) -> tensor<f32>
  "func.return"() : () -> ()
}) {function_type = (tensor<f32>) -> (), sym_name = "f2"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xf32>):
  // expected-error @+1 {{'nn.softmax' op axis 5 is out of range for rank 2}}
  %0 = "nn.softmax"(%a) {axis = 5 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>) -> (), sym_name = "f3"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xi32>):
  // expected-error @+1 {{'nn.log_softmax' op is defined on floats only, not on i32 elements}}
  %0 = "nn.log_softmax"(%a) {axis = 1 : i64} : (tensor<2x3xi32>) -> tensor<2x3xi32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xi32>) -> (), sym_name = "f4"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2xf32>, %b: tensor<2x1xf32>):
  // expected-error @+1 {{'nn.concat' op operand #1 has rank 2, operand #0 rank 1}}
  %0 = "nn.concat"(%a, %b) {axis = 0 : i64} : (tensor<2xf32>, tensor<2x1xf32>) -> tensor<4xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2xf32>, tensor<2x1xf32>) -> (), sym_name = "f5"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2xf32>, %b: tensor<2xi32>):
  // expected-error @+1 {{'nn.concat' op operand #1 has i32 elements, operand #0 f32 elements}}
  %0 = "nn.concat"(%a, %b) {axis = 0 : i64} : (tensor<2xf32>, tensor<2xi32>) -> tensor<4xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2xf32>, tensor<2xi32>) -> (), sym_name = "f6"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xf32>):
  // expected-error @+1 {{'nn.split' op axis 3 is out of range for rank 2}}
  %0:2 = "nn.split"(%a) {axis = 3 : i64, sizes = array<i64: 1, 1>} : (tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>)
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>) -> (), sym_name = "f7"} : () -> ()

// -----

// Constant gather indices lie in [-len, len): compiled code would read outside the data.
"func.func"() ({
^bb0(%d: tensor<5x3xf32>):
  %i = "nn.constant"() {value = dense<[1, 5]> : tensor<2xi64>} : () -> tensor<2xi64>
  // expected-error @+1 {{'nn.gather' op index 5 is out of range for an axis of length 5}}
  %0 = "nn.gather"(%d, %i) {axis = 0 : i64} : (tensor<5x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<5x3xf32>) -> (), sym_name = "f8"} : () -> ()

// -----

"func.func"() ({
^bb0(%d: tensor<5x3xf32>, %i: tensor<2xf32>):
  // expected-error @+1 {{'nn.gather' op indices must be integers, got f32 elements}}
  %0 = "nn.gather"(%d, %i) {axis = 0 : i64} : (tensor<5x3xf32>, tensor<2xf32>) -> tensor<2x3xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<5x3xf32>, tensor<2xf32>) -> (), sym_name = "f9"} : () -> ()

// -----

"func.func"() ({
^bb0(%d: tensor<f32>, %i: tensor<2xi64>):
  // expected-error @+1 {{'nn.gather' op axis 0 is out of range for rank 0}}
  %0 = "nn.gather"(%d, %i) {axis = 0 : i64} : (tensor<f32>, tensor<2xi64>) -> tensor<2xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<f32>, tensor<2xi64>) -> (), sym_name = "f10"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xf32>):
  // expected-error @+1 {{'nn.transpose' op perm is not a permutation}}
  %0 = "nn.transpose"(%a) {perm = array<i64: 0, 2>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>) -> (), sym_name = "f11"} : () -> ()

// -----

// Resize's modes are ONNX's.
"func.func"() ({
^bb0(%x: tensor<1x1x2x2xf32>):
  // expected-error @+1 {{'nn.resize' op mode must be one of nearest, linear, cubic, got 'bilinear'}}
  %0 = "nn.resize"(%x) {mode = "bilinear", sizes = array<i64: 1, 1, 4, 4>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>} : (tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x1x2x2xf32>) -> (), sym_name = "f12"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<1x1x2x2xf32>):
  // expected-error @+1 {{'nn.resize' op coordinate_transformation_mode must be one of half_pixel, half_pixel_symmetric, pytorch_half_pixel, align_corners, asymmetric, tf_crop_and_resize, got 'centered'}}
  %0 = "nn.resize"(%x) {coordinate_transformation_mode = "centered", sizes = array<i64: 1, 1, 4, 4>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>} : (tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x1x2x2xf32>) -> (), sym_name = "f13"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<1x1x2x2xf32>):
  // expected-error @+1 {{'nn.resize' op nearest_mode must be one of round_prefer_floor, round_prefer_ceil, floor, ceil, got 'up'}}
  %0 = "nn.resize"(%x) {nearest_mode = "up", sizes = array<i64: 1, 1, 4, 4>, scales = array<f64: 1.0, 1.0, 2.0, 2.0>} : (tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x1x2x2xf32>) -> (), sym_name = "f14"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<1x1x2x2xf32>):
  // expected-error @+1 {{'nn.resize' op scales must be an array<f64> with one entry per dimension}}
  %0 = "nn.resize"(%x) {sizes = array<i64: 1, 1, 4, 4>, scales = array<f64: 2.0, 2.0>} : (tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x1x2x2xf32>) -> (), sym_name = "f15"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<1x1x2x2xf32>):
  // expected-error @+1 {{'nn.resize' op scales must be positive and finite, got [1.0, 1.0, 0.0, 2.0]}}
  %0 = "nn.resize"(%x) {sizes = array<i64: 1, 1, 4, 4>, scales = array<f64: 1.0, 1.0, 0.0, 2.0>} : (tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x1x2x2xf32>) -> (), sym_name = "f16"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<2x2xf32>):
  // expected-error @+1 {{'nn.pad' op unknown mode 'mirror'}}
  %0 = "nn.pad"(%x) {pads = array<i64: 0, 1, 0, 1>, mode = "mirror"} : (tensor<2x2xf32>) -> tensor<2x4xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x2xf32>) -> (), sym_name = "f17"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<2x0xf32>):
  // expected-error @+1 {{'nn.pad' op mode 'edge' cannot pad the empty dimension 1}}
  %0 = "nn.pad"(%x) {pads = array<i64: 0, 1, 0, 1>, mode = "edge"} : (tensor<2x0xf32>) -> tensor<2x2xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x0xf32>) -> (), sym_name = "f18"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<1x4x2x2xf32>):
  // expected-error @+1 {{'nn.lrn' op size must be at least 1, got 0}}
  %0 = "nn.lrn"(%x) {size = 0 : i64} : (tensor<1x4x2x2xf32>) -> tensor<1x4x2x2xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x4x2x2xf32>) -> (), sym_name = "f19"} : () -> ()

// -----

// Slice bounds are normalized: every index read lies in the input.
"func.func"() ({
^bb0(%x: tensor<4xf32>):
  // expected-error @+1 {{'nn.slice' op dimension 0 reads indices 3 to 4, outside [0, 4)}}
  %0 = "nn.slice"(%x) {starts = array<i64: 3>, ends = array<i64: 5>, steps = array<i64: 1>} : (tensor<4xf32>) -> tensor<2xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<4xf32>) -> (), sym_name = "f20"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<4xf32>):
  // expected-error @+1 {{'nn.gelu' op approximate must be none or tanh, got 'fast'}}
  %0 = "nn.gelu"(%x) {approximate = "fast"} : (tensor<4xf32>) -> tensor<4xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<4xf32>) -> (), sym_name = "f21"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<4xi32>):
  // expected-error @+1 {{'nn.exp' op is defined on floats only, not on i32 elements}}
  %0 = "nn.exp"(%x) : (tensor<4xi32>) -> tensor<4xi32>
  "func.return"() : () -> ()
}) {function_type = (tensor<4xi32>) -> (), sym_name = "f22"} : () -> ()

// -----

// Operands of element-wise ops share their element type, as in ONNX (Pow's exponent excepted).
"func.func"() ({
^bb0(%a: tensor<4xf32>, %b: tensor<4xi32>):
  // expected-error @+1 {{'nn.add' op operand #1 has i32 elements, operand #0 f32 elements}}
  %0 = "nn.add"(%a, %b) : (tensor<4xf32>, tensor<4xi32>) -> tensor<4xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<4xf32>, tensor<4xi32>) -> (), sym_name = "f23"} : () -> ()

// -----

"func.func"() ({
^bb0(%c: tensor<4xf32>, %a: tensor<4xf32>, %b: tensor<4xf32>):
  // expected-error @+1 {{'nn.where' op condition must hold i1 elements, got f32}}
  %0 = "nn.where"(%c, %a, %b) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (), sym_name = "f24"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<3x4xf32>):
  // expected-error @+1 {{'nn.gemm' op c of shape [3, 4] does not broadcast to [2, 4]}}
  %0 = "nn.gemm"(%a, %b, %c) : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>, tensor<3x4xf32>, tensor<3x4xf32>) -> (), sym_name = "f25"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<2x4xf32>, %s: tensor<3xf32>):
  // expected-error @+1 {{'nn.layer_norm' op operand #1 of shape [3] does not broadcast to the normalized [4]}}
  %0:3 = "nn.layer_norm"(%x, %s) {axis = 1 : i64} : (tensor<2x4xf32>, tensor<3xf32>) -> (tensor<2x4xf32>, tensor<2x1xf32>, tensor<2x1xf32>)
  "func.return"() : () -> ()
}) {function_type = (tensor<2x4xf32>, tensor<3xf32>) -> (), sym_name = "f26"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<1x2x2x2xf32>, %w: tensor<2x1x3x3xf32>, %b: tensor<2xf32>):
  // expected-error @+1 {{'nn.conv_transpose' op bias must have 1 elements}}
  %0 = "nn.conv_transpose"(%x, %w, %b) : (tensor<1x2x2x2xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x1x4x4xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x2x2x2xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> (), sym_name = "f27"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x0x3xf32>):
  // expected-error @+1 {{'nn.conv' op the weight's kernel dimensions must be at least 1, got [1, 1, 0, 3]}}
  %0 = "nn.conv"(%x, %w) : (tensor<1x1x4x4xf32>, tensor<1x1x0x3xf32>) -> tensor<1x1x5x2xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x1x4x4xf32>, tensor<1x1x0x3xf32>) -> (), sym_name = "f28"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<4xindex>):
  // expected-error @+1 {{'nn.relu' op operand #0 has index elements; nn tensors hold floats or integers}}
  %0 = "nn.relu"(%x) : (tensor<4xindex>) -> tensor<4xindex>
  "func.return"() : () -> ()
}) {function_type = (tensor<4xindex>) -> (), sym_name = "f29"} : () -> ()

// -----

// A window of more taps than the input has positions and SOL's limit mostly meets padding: looping over it would spin for hours.
"func.func"() ({
^bb0(%x: tensor<1x1x4x4xf32>):
  // expected-error @+1 {{'nn.max_pool' op the window of 67108864 taps is larger than the input (16 positions) and SOL's limit of 16777216}}
  %0 = "nn.max_pool"(%x) {kernel_shape = array<i64: 8192, 8192>, pads = array<i64: 4094, 4094, 4094, 4094>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x1x1xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x1x4x4xf32>) -> (), sym_name = "f30"} : () -> ()

// -----

// A window larger than the padded input is an error, as in ONNX.
"func.func"() ({
^bb0(%x: tensor<1x1x4x4xf32>):
  // expected-error @+1 {{'nn.avg_pool' op window of 5 is larger than the padded input 4}}
  %0 = "nn.avg_pool"(%x) {kernel_shape = array<i64: 5, 5>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x1x1xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x1x4x4xf32>) -> (), sym_name = "f31"} : () -> ()

// -----

// Dilated windows whose size overflows 64 bits are refused, not wrapped.
"func.func"() ({
^bb0(%x: tensor<1x1x4x4xf32>):
  // expected-error @+1 {{'nn.max_pool' op the result shape overflows 64-bit arithmetic (long overflow)}}
  %0 = "nn.max_pool"(%x) {kernel_shape = array<i64: 3, 3>, dilations = array<i64: 4611686018427387904, 1>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x1x1xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x1x4x4xf32>) -> (), sym_name = "f32"} : () -> ()
