// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},canonicalize,cse' | FileCheck %s --check-prefix=ONE
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// On several threads every op's per-thread scratch (Loops.slots, allocSlots) lies in one slot
// space of the function (Buffers.OpSlots): thread p's slot of each buffer in region p (2 MiB,
// at least twice L2), an op's buffers one after the other from the region's start, so that
// each thread writes its scratch where it wrote the last op's. Two Winograd layers: the
// space is allocated once, at the top of the function, cut down to the bytes its slots reach
// (the second region's last slot: 4240320 bytes, not three regions), and P, V and M are
// views of it, the first at byte 0, each with 2 MiB (whole rows) from one thread's slot to the
// next. The second layer's views are the first one's (cse finds them the same), and its
// transform stores into the same slots of P.
// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0 : index}
// CHECK-DAG: %[[SPACE:.*]] = "memref.alloc"() {{.*}} -> memref<4240320xi8>
// CHECK-NOT: xi8>
// CHECK: %[[P:.*]] = "memref.view"(%[[SPACE]], %[[ZERO]]) : (memref<4240320xi8>, index) -> memref<2x2622x10x20xf32>
// CHECK: "memref.view"(%[[SPACE]], %{{.*}}) : (memref<4240320xi8>, index) -> memref<2x1024x16x32xf32>
// CHECK: "memref.view"(%[[SPACE]], %{{.*}}) : (memref<4240320xi8>, index) -> memref<2x2048x8x32xf32>
// CHECK-NOT: "memref.view"
// CHECK: "scf.parallel"
// CHECK: "vector.store"(%{{.*}}, %[[P]],
// CHECK: "scf.parallel"
// CHECK: "vector.store"(%{{.*}}, %[[P]],
// CHECK-NOT: "memref.view"
// CHECK: sym_name = "two_layers"
// A slot larger than what is left of the region (less Loops.SLOT_GAP_BYTES before the next)
// is a buffer of its own, each slot followed by 256 KiB that no thread touches: the shifted
// copies of a 32-channel 100 x 100 image for each of two images on two threads, 979204
// elements each (3.9 MB) and 65536 after each.
// CHECK-LABEL: "func.func"
// CHECK-NOT: xi8>
// CHECK: "memref.alloc"() {{.*}} -> memref<2089480xf32>
// CHECK-NOT: "memref.view"
// CHECK: sym_name = "too_large"
// On one thread there is no slot space: each buffer is an allocation of its own, planned with
// the other temporaries.
// ONE-NOT: xi8>
// ONE-NOT: "memref.view"
// ONE: "memref.alloc"() {{.*}} -> memref<1x16x10x20xf32>
// ONE: sym_name = "two_layers"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "two_layers"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "too_large"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x16x8x16xf32>):
    %w = "nn.constant"() {value = dense<0.01> : tensor<16x16x3x3xf32>} : () -> tensor<16x16x3x3xf32>
    %v = "nn.constant"() {value = dense<-0.02> : tensor<16x16x3x3xf32>} : () -> tensor<16x16x3x3xf32>
    %a = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x16x8x16xf32>, tensor<16x16x3x3xf32>) -> tensor<1x16x8x16xf32>
    %b = "nn.conv"(%a, %v) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x16x8x16xf32>, tensor<16x16x3x3xf32>) -> tensor<1x16x8x16xf32>
    "func.return"(%b) : (tensor<1x16x8x16xf32>) -> ()
  }) {function_type = (tensor<1x16x8x16xf32>) -> tensor<1x16x8x16xf32>, sym_name = "two_layers"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<2x32x100x100xf32>, %w: tensor<128x32x3x3xf32>):
    %0 = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<2x32x100x100xf32>, tensor<128x32x3x3xf32>) -> tensor<2x128x100x100xf32>
    "func.return"(%0) : (tensor<2x128x100x100xf32>) -> ()
  }) {function_type = (tensor<2x32x100x100xf32>, tensor<128x32x3x3xf32>) -> tensor<2x128x100x100xf32>, sym_name = "too_large"} : () -> ()
}) : () -> ()
