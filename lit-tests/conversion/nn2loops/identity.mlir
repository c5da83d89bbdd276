// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.identity copies element by element into its own buffer.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xi64>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xi64>) -> memref<2x3xi64>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xi64>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-NEXT: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xi64>, index, index) -> i64
// CHECK-NEXT: "memref.store"(%[[V]], %[[OUT]], %[[I]], %[[J]]) : (i64, memref<2x3xi64>, index, index) -> ()
// CHECK: %[[T:.*]] = "bufferization.to_tensor"(%[[OUT]])
// CHECK: "func.return"(%[[T]])
// CHECK: sym_name = "identity"
"func.func"() ({
^bb0(%x: tensor<2x3xi64>):
  %0 = "nn.identity"(%x) : (tensor<2x3xi64>) -> tensor<2x3xi64>
  "func.return"(%0) : (tensor<2x3xi64>) -> ()
}) {function_type = (tensor<2x3xi64>) -> tensor<2x3xi64>, sym_name = "identity"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xi64>, memref<2x3xi64>) -> (), sym_name = "identity"
