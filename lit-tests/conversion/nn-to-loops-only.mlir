// RUN: %sol-opt -p convert-nn-to-loops %s | FileCheck %s
// RUN: not %sol-opt -p bufferize %s 2>&1 | FileCheck %s --check-prefix=UNLOWERED
// RUN: %sol-opt --check-equivalence --pipeline=cpu %s 2>&1 | FileCheck %s --check-prefix=EQUIV

// Interpreting each step of sol-cpu on random inputs gives the same results throughout
// (after bufferize the results are read back from the out-arguments; memory-plan adds the
// arena of the temporaries, one cache line here).
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<4xf32>, memref<4xf32>, memref<64xi8>) -> ()

// convert-nn-to-loops alone keeps the tensor signature: operands are read through
// bufferization.to_memref, results come back through bufferization.to_tensor, and a
// lowered result feeds the next op's loops directly.
// CHECK: ^bb0(%[[X:.*]]: tensor<4xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<4xf32>) -> memref<4xf32>
// CHECK: %[[A:.*]] = "memref.alloc"()
// CHECK: "memref.load"(%[[XM]],
// CHECK: "math.exp"
// CHECK: %[[T:.*]] = "bufferization.to_tensor"(%[[A]]) : (memref<4xf32>) -> tensor<4xf32>
// CHECK: %[[B:.*]] = "memref.alloc"()
// CHECK: "memref.load"(%[[A]],
// CHECK: %[[U:.*]] = "bufferization.to_tensor"(%[[B]])
// CHECK: "func.return"(%[[U]]) : (tensor<4xf32>) -> ()
// CHECK: function_type = (tensor<4xf32>) -> tensor<4xf32>

// bufferize needs the nn ops lowered first.
// UNLOWERED: nn-to-loops-only.mlir:[[# @LINE + 6]]:5: error: cannot bufferize a tensor made by 'nn.neg'; run convert-nn-to-loops first
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<4xf32>):
    %0 = "nn.exp"(%x) : (tensor<4xf32>) -> tensor<4xf32>
    %1 = "nn.neg"(%0) : (tensor<4xf32>) -> tensor<4xf32>
    "func.return"(%1) : (tensor<4xf32>) -> ()
  }) {function_type = (tensor<4xf32>) -> tensor<4xf32>, sym_name = "main"} : () -> ()
}) : () -> ()
