// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s
// RUN: %sol-opt %s -p convert-nn-to-loops,bufferize | FileCheck %s --check-prefix=BUF
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.constant has no loop lowering: convert-nn-to-loops leaves it in place and reads it through
// bufferization.to_memref like any other tensor operand; bufferize then turns it into a
// private constant memref.global read with memref.get_global.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2xf32>):
// CHECK: %[[C:.*]] = "nn.constant"() {value = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>} : () -> tensor<2xf32>
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[CM:.*]] = "bufferization.to_memref"(%[[C]]) : (tensor<2xf32>) -> memref<2xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK: %[[A:.*]] = "memref.load"(%[[XM]], %[[I]])
// CHECK: %[[B:.*]] = "memref.load"(%[[CM]], %[[I]])
// CHECK: "arith.mulf"(%[[A]], %[[B]])
// CHECK-NOT: "nn.mul"
// CHECK: sym_name = "constant"

// BUF: "memref.global"() {alignment = 64 : i64, constant, initial_value = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>, sym_name = "[[G:[^"]+]]", sym_visibility = "private", type = memref<2xf32>}
// BUF: ^bb0(%[[X:.*]]: memref<2xf32>, %[[OUT:.*]]: memref<2xf32>):
// BUF: %[[CM:.*]] = "memref.get_global"() {name = @[[G]]} : () -> memref<2xf32>
// BUF-NOT: "nn.constant"
// BUF: "memref.load"(%[[CM]],
// BUF: "memref.store"(%{{.*}}, %[[OUT]],
"func.func"() ({
^bb0(%x: tensor<2xf32>):
  %c = "nn.constant"() {value = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "nn.mul"(%x, %c) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  "func.return"(%0) : (tensor<2xf32>) -> ()
}) {function_type = (tensor<2xf32>) -> tensor<2xf32>, sym_name = "constant"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2xf32>, memref<2xf32>) -> (), sym_name = "constant"
