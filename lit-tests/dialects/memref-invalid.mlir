// RUN: %sol-opt --split-input-file --verify-diagnostics %s

// expected-error @+1 {{'memref.alloc' op dimension operand count does not equal memref dynamic dimension count}}
%0 = "memref.alloc"() {operand_segment_sizes = array<i32: 0, 0>} : () -> memref<?xf32>

// -----

// expected-error @+1 {{'memref.alloc' op requires dense i32 array attribute 'operand_segment_sizes'}}
%0 = "memref.alloc"() : () -> memref<4xf32>

// -----

"func.func"() ({
^bb0(%m: memref<4x4xf32>, %i: index):
  // expected-error @+1 {{'memref.load' op incorrect number of indices for load}}
  %0 = "memref.load"(%m, %i) : (memref<4x4xf32>, index) -> f32
  "func.return"() : () -> ()
}) {function_type = (memref<4x4xf32>, index) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%m: memref<4xf32>, %i: index):
  // expected-error @+1 {{'memref.load' op failed to verify that result type matches element type of 'memref'}}
  %0 = "memref.load"(%m, %i) : (memref<4xf32>, index) -> f64
  "func.return"() : () -> ()
}) {function_type = (memref<4xf32>, index) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%m: memref<4xf32>, %i: index, %v: i32):
  // expected-error @+1 {{'memref.store' op failed to verify that type of 'value' matches element type of 'memref'}}
  "memref.store"(%v, %m, %i) : (i32, memref<4xf32>, index) -> ()
  "func.return"() : () -> ()
}) {function_type = (memref<4xf32>, index, i32) -> (), sym_name = "f"} : () -> ()

// -----

// expected-error @+1 {{'memref.global' op initial value expected to be of type 'tensor<2xf32>', but was of type 'tensor<3xf32>'}}
"memref.global"() {initial_value = dense<1.0> : tensor<3xf32>, sym_name = "g", type = memref<2xf32>} : () -> ()

// -----

"func.func"() ({
  // expected-error @+1 {{'memref.get_global' op 'nope' does not reference a valid global memref}}
  %0 = "memref.get_global"() {name = @nope} : () -> memref<2xf32>
  "func.return"() : () -> ()
}) {function_type = () -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%m: memref<4xf32>):
  // expected-error @+1 {{'memref.collapse_shape' op expected rank reduction, but found source rank 1 <= result rank 1}}
  %0 = "memref.collapse_shape"(%m) {reassociation = [[0]]} : (memref<4xf32>) -> memref<4xf32>
  "func.return"() : () -> ()
}) {function_type = (memref<4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%m: memref<2x3x4xf32>):
  // expected-error @+1 {{'memref.collapse_shape' op invalid number of reassociation groups: found 1, expected 2}}
  %0 = "memref.collapse_shape"(%m) {reassociation = [[0, 1, 2]]} : (memref<2x3x4xf32>) -> memref<6x4xf32>
  "func.return"() : () -> ()
}) {function_type = (memref<2x3x4xf32>) -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
^bb0(%m: memref<f32>):
  // expected-error @+1 {{'memref.expand_shape' op rank 0 memrefs can only be extended/collapsed with/from ones}}
  %0 = "memref.expand_shape"(%m) {reassociation = []} : (memref<f32>) -> memref<1x2xf32>
  "func.return"() : () -> ()
}) {function_type = (memref<f32>) -> (), sym_name = "expand_rank0_not_ones"} : () -> ()

// -----

"func.func"() ({
^bb0(%m: memref<4x8xf32>, %i: index):
  // expected-error @+1 {{'memref.prefetch' op too few indices}}
  "memref.prefetch"(%m, %i) {isDataCache = true, isWrite = false, localityHint = 3 : i32} : (memref<4x8xf32>, index) -> ()
  "func.return"() : () -> ()
}) {function_type = (memref<4x8xf32>, index) -> (), sym_name = "prefetch_too_few_indices"} : () -> ()
