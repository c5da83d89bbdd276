// RUN: %sol-opt %s | FileCheck %s
// RUN: %sol-opt %s | %sol-opt | FileCheck %s

// CHECK: "memref.global"() {constant, initial_value = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>, sym_name = "g", sym_visibility = "private", type = memref<2xf32>} : () -> ()
"memref.global"() {constant, initial_value = dense<[1.0, 2.0]> : tensor<2xf32>, sym_name = "g", sym_visibility = "private", type = memref<2xf32>} : () -> ()
// CHECK-LABEL: "func.func"
"func.func"() ({
^bb0(%n: index, %x: f32):
  %c0 = "arith.constant"() {value = 0 : index} : () -> index
  // CHECK: "memref.alloc"(%arg0) {alignment = 64 : i64, operand_segment_sizes = array<i32: 1, 0>} : (index) -> memref<?x4xf32>
  %a = "memref.alloc"(%n) {alignment = 64 : i64, operand_segment_sizes = array<i32: 1, 0>} : (index) -> memref<?x4xf32>
  %b = "memref.alloca"() {operand_segment_sizes = array<i32: 0, 0>} : () -> memref<4x4xf32>
  %g = "memref.get_global"() {name = @g} : () -> memref<2xf32>
  %v = "memref.load"(%a, %c0, %c0) : (memref<?x4xf32>, index, index) -> f32
  "memref.store"(%v, %b, %c0, %c0) : (f32, memref<4x4xf32>, index, index) -> ()
  // CHECK: "memref.subview"
  %s = "memref.subview"(%b) {operand_segment_sizes = array<i32: 1, 0, 0, 0>, static_offsets = array<i64: 1, 0>, static_sizes = array<i64: 2, 4>, static_strides = array<i64: 1, 1>} : (memref<4x4xf32>) -> memref<2x4xf32, strided<[4, 1], offset: 4>>
  %d = "memref.subview"(%b, %n) {operand_segment_sizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: -9223372036854775808, 0>, static_sizes = array<i64: 2, 4>, static_strides = array<i64: 1, 1>} : (memref<4x4xf32>, index) -> memref<2x4xf32, strided<[4, 1], offset: ?>>
  // CHECK: "memref.collapse_shape"(%{{.*}}) {reassociation = {{\[\[}}0, 1]]} : (memref<4x4xf32>) -> memref<16xf32>
  %f = "memref.collapse_shape"(%b) {reassociation = [[0, 1]]} : (memref<4x4xf32>) -> memref<16xf32>
  %e = "memref.expand_shape"(%f) {reassociation = [[0, 1, 2]]} : (memref<16xf32>) -> memref<2x2x4xf32>
  %shape = "memref.alloca"() {operand_segment_sizes = array<i32: 0, 0>} : () -> memref<2xindex>
  %r = "memref.reshape"(%f, %shape) : (memref<16xf32>, memref<2xindex>) -> memref<4x4xf32>
  "memref.copy"(%b, %r) : (memref<4x4xf32>, memref<4x4xf32>) -> ()
  %cast = "memref.cast"(%b) : (memref<4x4xf32>) -> memref<?x?xf32>
  %dim = "memref.dim"(%a, %c0) : (memref<?x4xf32>, index) -> index
  "memref.dealloc"(%a) : (memref<?x4xf32>) -> ()
  "func.return"() : () -> ()
}) {function_type = (index, f32) -> (), sym_name = "buffers"} : () -> ()

// A prefetch hint, with MLIR 16's attributes (isWrite, localityHint 0-3, isDataCache).
// CHECK: "memref.prefetch"(%arg0, %arg1, %arg1) {isDataCache = true, isWrite = false, localityHint = 3 : i32} : (memref<4x8xf32>, index, index) -> ()
"func.func"() ({
^bb0(%m: memref<4x8xf32>, %i: index):
  "memref.prefetch"(%m, %i, %i) {isDataCache = true, isWrite = false, localityHint = 3 : i32} : (memref<4x8xf32>, index, index) -> ()
  "func.return"() : () -> ()
}) {function_type = (memref<4x8xf32>, index) -> (), sym_name = "prefetch"} : () -> ()
