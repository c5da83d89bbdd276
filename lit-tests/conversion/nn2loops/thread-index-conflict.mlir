// RUN: not %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1}' 2>&1 | FileCheck %s

// A module whose own @omp_get_thread_num has another type: the lowering that needs the
// runtime's says so at the op, rather than calling it with the wrong type.
// CHECK: error: @omp_get_thread_num is in the way of the loops on threads, which declare it as () -> i32
// CHECK-NEXT: "nn.conv"
"builtin.module"() ({
  "func.func"() ({
  }) {function_type = () -> i64, sym_name = "omp_get_thread_num", sym_visibility = "private"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<1x16x20x32xf32>):
    %w = "nn.constant"() {value = dense<0.01> : tensor<16x16x3x3xf32>} : () -> tensor<16x16x3x3xf32>
    %r = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x16x20x32xf32>, tensor<16x16x3x3xf32>) -> tensor<1x16x20x32xf32>
    "func.return"(%r) : (tensor<1x16x20x32xf32>) -> ()
  }) {function_type = (tensor<1x16x20x32xf32>) -> tensor<1x16x20x32xf32>, sym_name = "winograd_conflict"} : () -> ()
}) : () -> ()
