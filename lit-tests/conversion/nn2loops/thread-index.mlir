// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},canonicalize,cse' | FileCheck %s --check-prefix=ONE

// Scratch chosen by the thread that runs an iteration (Buffers.threadIndex): Winograd's blocks
// (4 of 5 rows of tiles at 20 x 8 tiles) are the iterations of one parallel loop, each on the
// slot of P, V and M of the thread that runs it, whose number comes from the OpenMP runtime's
// omp_get_thread_num, declared private in the module once, before the function.
// CHECK: "func.func"() ({
// CHECK-NEXT: }) {function_type = () -> i32, sym_name = "omp_get_thread_num", sym_visibility = "private"} : () -> ()
// CHECK-NOT: sym_name = "omp_get_thread_num"
// CHECK: %[[P:.*]] = "memref.view"({{.*}}) : (memref<{{[0-9]+}}xi8>, index) -> memref<2x{{.*}}xf32>
// CHECK: "scf.parallel"
// CHECK-NEXT: ^bb0(%{{.*}}: index):
// CHECK: %[[N:.*]] = "func.call"() {callee = @omp_get_thread_num} : () -> i32
// CHECK-NEXT: %[[SLOT:.*]] = "arith.index_cast"(%[[N]]) : (i32) -> index
// CHECK: "vector.store"(%{{.*}}, %[[P]], %[[SLOT]],
// CHECK: sym_name = "winograd_blocks"
// On one thread there is one slot and no call.
// ONE-NOT: omp_get_thread_num
// ONE: sym_name = "winograd_blocks"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x16x40x16xf32>):
    %w = "nn.constant"() {value = dense<0.01> : tensor<16x16x3x3xf32>} : () -> tensor<16x16x3x3xf32>
    %r = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x16x40x16xf32>, tensor<16x16x3x3xf32>) -> tensor<1x16x40x16xf32>
    "func.return"(%r) : (tensor<1x16x40x16xf32>) -> ()
  }) {function_type = (tensor<1x16x40x16xf32>) -> tensor<1x16x40x16xf32>, sym_name = "winograd_blocks"} : () -> ()
}) : () -> ()

