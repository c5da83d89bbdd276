// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.div"'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.div on floats: arith.divf, lhs over rhs, with the rhs broadcast along rows.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x1xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[VA:.*]] = "memref.load"(%[[AM]], %[[I]], %[[J]])
// CHECK-DAG: %[[Z:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[VB:.*]] = "memref.load"(%[[BM]], %[[I]], %[[Z]])
// CHECK: %[[R:.*]] = "arith.divf"(%[[VA]], %[[VB]]) : (f32, f32) -> f32
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]])
// CHECK: sym_name = "div"
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<2x1xf32>):
  %0 = "nn.div"(%a, %b) : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>, sym_name = "div"} : () -> ()

// Signed integers divide with arith.divsi (truncating, as ONNX does). The divisor is b + 1
// so that the random inputs (0 to 7) never divide by zero; the rank-0 constant stays an
// nn.constant, read through to_memref without indices.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xi32>, %[[B:.*]]: tensor<2x3xi32>):
// CHECK: %[[ONE:.*]] = "nn.constant"() {value = dense<1> : tensor<i32>}
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK-DAG: %[[ONEM:.*]] = "bufferization.to_memref"(%[[ONE]]) : (tensor<i32>) -> memref<i32>
// CHECK: %[[D:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xi32>
// CHECK: "memref.load"(%[[ONEM]]) : (memref<i32>) -> i32
// CHECK: "arith.addi"
// CHECK: "memref.store"(%{{.*}}, %[[D]],
// CHECK: %[[AM:.*]] = "bufferization.to_memref"(%[[A]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xi32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[VA:.*]] = "memref.load"(%[[AM]], %[[I]], %[[J]])
// CHECK: %[[VB:.*]] = "memref.load"(%[[D]], %[[I]], %[[J]])
// Integer division by zero gives 0 and INT_MIN / -1 wraps, without reaching the trapping divide:
// CHECK: %[[ZERO:.*]] = "arith.cmpi"(%[[VB]], %{{.*}}) {predicate = 0 : i64}
// CHECK: %[[SAFE:.*]] = "arith.select"(%{{.*}}, %{{.*}}, %[[VB]])
// CHECK: %[[Q:.*]] = "arith.divsi"(%[[VA]], %[[SAFE]]) : (i32, i32) -> i32
// CHECK: %[[R:.*]] = "arith.select"(%[[ZERO]], %{{.*}}, %[[Q]])
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]])
// CHECK: sym_name = "div_i32"
"func.func"() ({
^bb0(%a: tensor<2x3xi32>, %b: tensor<2x3xi32>):
  %one = "nn.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
  %d = "nn.add"(%b, %one) : (tensor<2x3xi32>, tensor<i32>) -> tensor<2x3xi32>
  %0 = "nn.div"(%a, %d) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  "func.return"(%0) : (tensor<2x3xi32>) -> ()
}) {function_type = (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>, sym_name = "div_i32"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<2x1xf32>, memref<2x3xf32>) -> (), sym_name = "div"
// EQUIV: function_type = (memref<2x3xi32>, memref<2x3xi32>, memref<2x3xi32>) -> (), sym_name = "div_i32"
