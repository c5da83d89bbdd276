// nn ops infer their result types; the verifier names the op and the mismatch.
// RUN: %sol-opt --load-dialect nn --split-input-file --verify-diagnostics %s

"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<4xf32>):
  // expected-error @+1 {{'nn.add' op operands are not broadcast-compatible: [2, 3] vs [4]}}
  %0 = "nn.add"(%a, %b) : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>, tensor<4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xf32>):
  // expected-error @+1 {{'nn.relu' op result #0 type 'tensor<3x2xf32>' does not match the inferred type 'tensor<2x3xf32>'}}
  %0 = "nn.relu"(%a) : (tensor<2x3xf32>) -> tensor<3x2xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>):
  // expected-error @+1 {{'nn.matmul' op inner dimensions differ: [2, 3] x [4, 5]}}
  %0 = "nn.matmul"(%a, %b) : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>, tensor<4x5xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<1x3x8x8xf32>, %w: tensor<4x2x3x3xf32>):
  // expected-error @+1 {{'nn.conv' op input channels 3 do not match weight channels 2 x group 1}}
  %0 = "nn.conv"(%x, %w) : (tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xf32>):
  // expected-error @+1 {{'nn.reshape' op cannot reshape tensor<2x3xf32> to [4]}}
  %0 = "nn.reshape"(%a) {shape = array<i64: 4>} : (tensor<2x3xf32>) -> tensor<4xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xf32>):
  // expected-error @+1 {{'nn.transpose' op perm is not a permutation}}
  %0 = "nn.transpose"(%a) {perm = array<i64: 0, 0>} : (tensor<2x3xf32>) -> tensor<2x2xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<2x4xf32>):
  // expected-error @+1 {{'nn.concat' op operand #1 does not match on dimension 1}}
  %0 = "nn.concat"(%a, %b) {axis = 0 : i64} : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<4x3xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>, tensor<2x4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<?x3xf32>):
  // expected-error @+1 {{'nn.relu' op operand #0 must be a statically shaped tensor, got 'tensor<?x3xf32>'}}
  %0 = "nn.relu"(%a) : (tensor<?x3xf32>) -> tensor<?x3xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<?x3xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xf32>):
  // expected-error @+1 {{'nn.split' op split sizes add up to 4, not 3}}
  %0:2 = "nn.split"(%a) {axis = 1 : i64, sizes = array<i64: 2, 2>} : (tensor<2x3xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>)
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<1x1x4x4xf32>):
  // expected-error @+1 {{'nn.max_pool' op requires attribute 'kernel_shape'}}
  %0 = "nn.max_pool"(%x) : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x1x4x4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

// Window attributes are checked before any arithmetic uses them (a stride of 0 used to divide by zero).
"func.func"() ({
^bb0(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>):
  // expected-error @+1 {{'nn.conv' op strides must be at least 1, got [0, 1]}}
  %0 = "nn.conv"(%x, %w) {strides = array<i64: 0, 1>} : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>):
  // expected-error @+1 {{'nn.conv' op pads must be at least 0, got [0, -1, 0, 0]}}
  %0 = "nn.conv"(%x, %w) {pads = array<i64: 0, -1, 0, 0>} : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x1xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<1x1x4x4xf32>):
  // expected-error @+1 {{'nn.max_pool' op kernel_shape must be at least 1, got [0, 2]}}
  %0 = "nn.max_pool"(%x) {kernel_shape = array<i64: 0, 2>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x1x4x4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<1x1x4x4xf32>):
  // expected-error @+1 {{'nn.avg_pool' op dilations must be at least 1, got [1, 0]}}
  %0 = "nn.avg_pool"(%x) {kernel_shape = array<i64: 2, 2>, dilations = array<i64: 1, 0>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x3x3xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x1x4x4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: tensor<1x2x2x2xf32>, %w: tensor<2x1x3x3xf32>):
  // expected-error @+1 {{'nn.conv_transpose' op group must be at least 1, got 0}}
  %0 = "nn.conv_transpose"(%x, %w) {group = 0 : i64} : (tensor<1x2x2x2xf32>, tensor<2x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<1x2x2x2xf32>, tensor<2x1x3x3xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<f32>):
  // expected-error @+1 {{'nn.argmax' op needs an axis: the input is a scalar}}
  %0 = "nn.argmax"(%a) : (tensor<f32>) -> tensor<i64>
  "func.return"() : () -> ()
}) {function_type = (tensor<f32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xf32>):
  // expected-error @+1 {{'nn.argmin' op axis 2 is out of range for rank 2}}
  %0 = "nn.argmin"(%a) {axis = 2 : i64} : (tensor<2x3xf32>) -> tensor<2x1xi64>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xf32>):
  // expected-error @+1 {{'nn.top_k' op k = 4 is not in [0, 3], the length of axis 1}}
  %v, %i = "nn.top_k"(%a) {k = 4 : i64} : (tensor<2x3xf32>) -> (tensor<2x4xf32>, tensor<2x4xi64>)
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xf32>):
  // expected-error @+1 {{'nn.compare' op predicate must be one of eq, lt, le, gt, ge, got 'ne'}}
  %c = "nn.compare"(%a, %a) {predicate = "ne"} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<3xi32>):
  // expected-error @+1 {{'nn.compare' op}}
  %c = "nn.compare"(%a, %b) {predicate = "lt"} : (tensor<2x3xf32>, tensor<3xi32>) -> tensor<2x3xi1>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>, tensor<3xi32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xi1>, %b: tensor<3xf32>):
  // expected-error @+1 {{'nn.and' op operand #1 must hold i1 elements, got f32}}
  %c = "nn.and"(%a, %b) : (tensor<2x3xi1>, tensor<3xf32>) -> tensor<2x3xi1>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xi1>, tensor<3xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<4xi32>):
  // expected-error @+1 {{'nn.not' op operand #0 must hold i1 elements, got i32}}
  %c = "nn.not"(%a) : (tensor<4xi32>) -> tensor<4xi32>
  "func.return"() : () -> ()
}) {function_type = (tensor<4xi32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<4xi1>):
  // expected-error @+1 {{'nn.compare' op compares i1 elements for eq only, not lt}}
  %c = "nn.compare"(%a, %a) {predicate = "lt"} : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  "func.return"() : () -> ()
}) {function_type = (tensor<4xi1>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<4xf32>):
  // expected-error @+1 {{'nn.mod' op takes floats with fmod = 1 only}}
  %c = "nn.mod"(%a, %a) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %i: tensor<3x3xi64>):
  // expected-error @+1 {{'nn.gather_elements' op indices dimension 0 (3) is longer than the data's (2)}}
  %c = "nn.gather_elements"(%a, %i) {axis = 1 : i64} : (tensor<2x3xf32>, tensor<3x3xi64>) -> tensor<3x3xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x3xf32>, tensor<3x3xi64>) -> (), sym_name = "f"} : () -> ()

// -----

// No index is in range along an empty axis (compiled code would read outside the data).
"func.func"() ({
^bb0(%a: tensor<2x0xf32>, %i: tensor<2xi64>):
  // expected-error @+1 {{'nn.gather' op indices select along an axis of length 0, where no index is in range}}
  %c = "nn.gather"(%a, %i) {axis = 1 : i64} : (tensor<2x0xf32>, tensor<2xi64>) -> tensor<2x2xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x0xf32>, tensor<2xi64>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%a: tensor<2x0xf32>, %i: tensor<2x1xi64>):
  // expected-error @+1 {{'nn.gather_elements' op indices select along an axis of length 0, where no index is in range}}
  %c = "nn.gather_elements"(%a, %i) {axis = 1 : i64} : (tensor<2x0xf32>, tensor<2x1xi64>) -> tensor<2x1xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x0xf32>, tensor<2x1xi64>) -> (), sym_name = "f"} : () -> ()

// -----

// An argmax along an empty axis has no position to select (Hardmax of an empty input imports
// as the input itself instead).
"func.func"() ({
^bb0(%a: tensor<2x0xf32>):
  // expected-error @+1 {{'nn.argmax' op has no position to select along axis 1 of length 0}}
  %c = "nn.argmax"(%a) {axis = 1 : i64, keepdims = 1 : i64, select_last_index = 0 : i64} : (tensor<2x0xf32>) -> tensor<2x1xi64>
  "func.return"() : () -> ()
}) {function_type = (tensor<2x0xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%d: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x4xf32>):
  // expected-error @+1 {{'nn.scatter_nd' op updates must have shape [2, 3] (the indices' leading shape and data's trailing shape), got [2, 4]}}
  %y = "nn.scatter_nd"(%d, %i, %u) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x4xf32>) -> tensor<4x3xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%d: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>):
  // expected-error @+1 {{'nn.scatter_nd' op reduction must be one of none, add, mul, max, min, got 'sum'}}
  %y = "nn.scatter_nd"(%d, %i, %u) {reduction = "sum"} : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%d: tensor<4x3xf32>, %i: tensor<2x3xi64>, %u: tensor<2xf32>):
  // expected-error @+1 {{'nn.scatter_nd' op index tuples of 3 entries for data of rank 2}}
  %y = "nn.scatter_nd"(%d, %i, %u) : (tensor<4x3xf32>, tensor<2x3xi64>, tensor<2xf32>) -> tensor<4x3xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<4x3xf32>, tensor<2x3xi64>, tensor<2xf32>) -> (), sym_name = "f"} : () -> ()

// -----

// No tuple can name a place along an empty axis (compiled code would write outside the result).
"func.func"() ({
^bb0(%d: tensor<0x3xf32>, %i: tensor<1x1xi64>, %u: tensor<1x3xf32>):
  // expected-error @+1 {{'nn.scatter_nd' op indices select along an axis of length 0, where no index is in range}}
  %y = "nn.scatter_nd"(%d, %i, %u) : (tensor<0x3xf32>, tensor<1x1xi64>, tensor<1x3xf32>) -> tensor<0x3xf32>
  "func.return"() : () -> ()
}) {function_type = (tensor<0x3xf32>, tensor<1x1xi64>, tensor<1x3xf32>) -> (), sym_name = "f"} : () -> ()
