// RUN: %sol-translate %s | FileCheck %s
// RUN: %sol-translate %s --target=c-harness --entry=main > /dev/null

// Loop nests that are the same code share one function (KernelSharing): the same ops,
// attributes and types, the same constants, the values from outside in the same places and
// aliasing alike. Globals (weights, biases) are parameters, so nests reading other weights
// share; tiny constant globals (under 64 bytes) stay in the code (LLVM may fold their loads),
// so nests reading different ones do not.

// CHECK-LABEL: define void @main(
// Same loop, other input, other weights, other output: one function, two calls.
// CHECK: call void @main.kernel0(ptr %0, ptr @big1, ptr %2)
// CHECK-NEXT: call void @main.kernel0(ptr %1, ptr @big2, ptr %3)
// A constant instead of the weights: code of its own.
// CHECK-NEXT: call void @main.kernel2(ptr %0, ptr %4)
// Tiny constant globals are part of the code: two functions.
// CHECK-NEXT: call void @main.kernel3(ptr %0, ptr %5)
// CHECK-NEXT: call void @main.kernel4(ptr %0, ptr %6)
// Views of the arena: bytes [0, 4096) into [4096, 8192), disjoint (noalias, alias scopes) ...
// CHECK: %[[V0:.*]] = getelementptr i8, ptr %7, i64 0
// CHECK: %[[V1:.*]] = getelementptr i8, ptr %7, i64 4096
// CHECK: %[[V2:.*]] = getelementptr i8, ptr %7, i64 2048
// CHECK: %[[V3:.*]] = getelementptr i8, ptr %7, i64 8192
// CHECK: call void @main.kernel5(ptr %[[V0]], ptr %[[V1]])
// ... [0, 4096) into [2048, 6144), which overlap: the same ops, but not the same code ...
// CHECK-NEXT: call void @main.kernel6(ptr %[[V0]], ptr %[[V2]])
// ... [4096, 8192) into [8192, 12288), disjoint again: the first one's code.
// CHECK-NEXT: call void @main.kernel5(ptr %[[V1]], ptr %[[V3]])
// CHECK-NEXT: ret void

// CHECK: define internal void @main.kernel0(ptr noalias %0, ptr noalias %1, ptr noalias %2)
// CHECK-NOT: define internal void @main.kernel1(
// CHECK: define internal void @main.kernel2(
// CHECK: define internal void @main.kernel3(
// CHECK: define internal void @main.kernel4(
// CHECK: define internal void @main.kernel5(ptr noalias %0, ptr noalias %1)
// CHECK: define internal void @main.kernel6(ptr %0, ptr %1)
// CHECK-NOT: define internal void @main.kernel7(
"builtin.module"() ({
  "memref.global"() {constant, initial_value = dense<2.000000e+00> : tensor<1024xf32>, sym_name = "big1", sym_visibility = "private", type = memref<1024xf32>} : () -> ()
  "memref.global"() {constant, initial_value = dense<3.000000e+00> : tensor<1024xf32>, sym_name = "big2", sym_visibility = "private", type = memref<1024xf32>} : () -> ()
  "memref.global"() {constant, initial_value = dense<5.000000e+00> : tensor<4xf32>, sym_name = "small1", sym_visibility = "private", type = memref<4xf32>} : () -> ()
  "memref.global"() {constant, initial_value = dense<7.000000e+00> : tensor<4xf32>, sym_name = "small2", sym_visibility = "private", type = memref<4xf32>} : () -> ()
  "func.func"() ({
  ^bb0(%a: memref<1024xf32>, %b: memref<1024xf32>, %o1: memref<1024xf32>, %o2: memref<1024xf32>, %o3: memref<1024xf32>, %o4: memref<4xf32>, %o5: memref<4xf32>, %arena: memref<16384xi8>):
    %c0 = "arith.constant"() {value = 0 : index} : () -> index
    %c1 = "arith.constant"() {value = 1 : index} : () -> index
    %c4 = "arith.constant"() {value = 4 : index} : () -> index
    %n = "arith.constant"() {value = 1024 : index} : () -> index
    %two = "arith.constant"() {value = 2.000000e+00 : f32} : () -> f32
    %g1 = "memref.get_global"() {name = @big1} : () -> memref<1024xf32>
    %g2 = "memref.get_global"() {name = @big2} : () -> memref<1024xf32>
    %s1 = "memref.get_global"() {name = @small1} : () -> memref<4xf32>
    %s2 = "memref.get_global"() {name = @small2} : () -> memref<4xf32>
    "scf.for"(%c0, %n, %c1) ({
    ^bb0(%i: index):
      %x = "memref.load"(%a, %i) : (memref<1024xf32>, index) -> f32
      %w = "memref.load"(%g1, %i) : (memref<1024xf32>, index) -> f32
      %y = "arith.mulf"(%x, %w) : (f32, f32) -> f32
      "memref.store"(%y, %o1, %i) : (f32, memref<1024xf32>, index) -> ()
      "scf.yield"() : () -> ()
    }) : (index, index, index) -> ()
    "scf.for"(%c0, %n, %c1) ({
    ^bb0(%i: index):
      %x = "memref.load"(%b, %i) : (memref<1024xf32>, index) -> f32
      %w = "memref.load"(%g2, %i) : (memref<1024xf32>, index) -> f32
      %y = "arith.mulf"(%x, %w) : (f32, f32) -> f32
      "memref.store"(%y, %o2, %i) : (f32, memref<1024xf32>, index) -> ()
      "scf.yield"() : () -> ()
    }) : (index, index, index) -> ()
    "scf.for"(%c0, %n, %c1) ({
    ^bb0(%i: index):
      %x = "memref.load"(%a, %i) : (memref<1024xf32>, index) -> f32
      %y = "arith.mulf"(%x, %two) : (f32, f32) -> f32
      "memref.store"(%y, %o3, %i) : (f32, memref<1024xf32>, index) -> ()
      "scf.yield"() : () -> ()
    }) : (index, index, index) -> ()
    "scf.for"(%c0, %c4, %c1) ({
    ^bb0(%i: index):
      %x = "memref.load"(%a, %i) : (memref<1024xf32>, index) -> f32
      %w = "memref.load"(%s1, %i) : (memref<4xf32>, index) -> f32
      %y = "arith.mulf"(%x, %w) : (f32, f32) -> f32
      "memref.store"(%y, %o4, %i) : (f32, memref<4xf32>, index) -> ()
      "scf.yield"() : () -> ()
    }) : (index, index, index) -> ()
    "scf.for"(%c0, %c4, %c1) ({
    ^bb0(%i: index):
      %x = "memref.load"(%a, %i) : (memref<1024xf32>, index) -> f32
      %w = "memref.load"(%s2, %i) : (memref<4xf32>, index) -> f32
      %y = "arith.mulf"(%x, %w) : (f32, f32) -> f32
      "memref.store"(%y, %o5, %i) : (f32, memref<4xf32>, index) -> ()
      "scf.yield"() : () -> ()
    }) : (index, index, index) -> ()
    %b0 = "arith.constant"() {value = 0 : index} : () -> index
    %b4096 = "arith.constant"() {value = 4096 : index} : () -> index
    %b2048 = "arith.constant"() {value = 2048 : index} : () -> index
    %b8192 = "arith.constant"() {value = 8192 : index} : () -> index
    %v0 = "memref.view"(%arena, %b0) : (memref<16384xi8>, index) -> memref<1024xf32>
    %v1 = "memref.view"(%arena, %b4096) : (memref<16384xi8>, index) -> memref<1024xf32>
    %v2 = "memref.view"(%arena, %b2048) : (memref<16384xi8>, index) -> memref<1024xf32>
    %v3 = "memref.view"(%arena, %b8192) : (memref<16384xi8>, index) -> memref<1024xf32>
    "scf.for"(%c0, %n, %c1) ({
    ^bb0(%i: index):
      %x = "memref.load"(%v0, %i) : (memref<1024xf32>, index) -> f32
      %y = "arith.addf"(%x, %x) : (f32, f32) -> f32
      "memref.store"(%y, %v1, %i) : (f32, memref<1024xf32>, index) -> ()
      "scf.yield"() : () -> ()
    }) : (index, index, index) -> ()
    "scf.for"(%c0, %n, %c1) ({
    ^bb0(%i: index):
      %x = "memref.load"(%v0, %i) : (memref<1024xf32>, index) -> f32
      %y = "arith.addf"(%x, %x) : (f32, f32) -> f32
      "memref.store"(%y, %v2, %i) : (f32, memref<1024xf32>, index) -> ()
      "scf.yield"() : () -> ()
    }) : (index, index, index) -> ()
    "scf.for"(%c0, %n, %c1) ({
    ^bb0(%i: index):
      %x = "memref.load"(%v1, %i) : (memref<1024xf32>, index) -> f32
      %y = "arith.addf"(%x, %x) : (f32, f32) -> f32
      "memref.store"(%y, %v3, %i) : (f32, memref<1024xf32>, index) -> ()
      "scf.yield"() : () -> ()
    }) : (index, index, index) -> ()
    "func.return"() : () -> ()
  }) {function_type = (memref<1024xf32>, memref<1024xf32>, memref<1024xf32>, memref<1024xf32>, memref<1024xf32>, memref<4xf32>, memref<4xf32>, memref<16384xi8>) -> (), sym_name = "main"} : () -> ()
}) : () -> ()
