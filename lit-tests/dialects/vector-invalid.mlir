// RUN: %sol-opt --split-input-file --verify-diagnostics %s

"func.func"() ({
^bb0(%m: memref<4x4xf32>, %i: index):
  // expected-error @+1 {{'vector.load' op requires 2 indices}}
  %0 = "vector.load"(%m, %i) : (memref<4x4xf32>, index) -> vector<4xf32>
  "func.return"() : () -> ()
}) {function_type = (memref<4x4xf32>, index) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%v: vector<2x4xf32>):
  // expected-error @+1 {{'vector.broadcast' op source rank higher than destination rank}}
  %0 = "vector.broadcast"(%v) : (vector<2x4xf32>) -> vector<4xf32>
  "func.return"() : () -> ()
}) {function_type = (vector<2x4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%x: f64):
  // expected-error @+1 {{'vector.splat' op failed to verify that operand type matches element type of result}}
  %0 = "vector.splat"(%x) : (f64) -> vector<4xf32>
  "func.return"() : () -> ()
}) {function_type = (f64) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%v: vector<2x4xf32>):
  // expected-error @+1 {{'vector.reduction' op unsupported reduction rank: 2}}
  %0 = "vector.reduction"(%v) {kind = #vector.kind<add>} : (vector<2x4xf32>) -> f32
  "func.return"() : () -> ()
}) {function_type = (vector<2x4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%v: vector<4xf32>):
  // expected-error @+1 {{'vector.extract' op expected position attribute #1 to be a non-negative integer smaller than the corresponding vector dimension}}
  %0 = "vector.extract"(%v) {position = [7]} : (vector<4xf32>) -> f32
  "func.return"() : () -> ()
}) {function_type = (vector<4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%m: memref<16xf32>, %i: index, %p: f64):
  // expected-error @+1 {{'vector.transfer_read' op requires formal padding and source of the same elemental type}}
  %0 = "vector.transfer_read"(%m, %i, %p) {operand_segment_sizes = array<i32: 1, 1, 1, 0>, permutation_map = affine_map<(d0) -> (d0)>} : (memref<16xf32>, index, f64) -> vector<8xf32>
  "func.return"() : () -> ()
}) {function_type = (memref<16xf32>, index, f64) -> (), sym_name = "f"} : () -> ()
