// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.add: equal shapes load both operands at the induction variables.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x3xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[VA:.*]] = "memref.load"(%[[AM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK: %[[VB:.*]] = "memref.load"(%[[BM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK: %[[R:.*]] = "arith.addf"(%[[VA]], %[[VB]]) : ({{.*}}) -> {{.*}}
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: sym_name = "add"
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>):
  %0 = "nn.add"(%a, %b) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "add"} : () -> ()

// Numpy broadcasting: a lower-rank operand aligns with the trailing dimensions,
// so a row vector is indexed by the inner induction variable only.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]]) : (tensor<3xf32>) -> memref<3xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[VA:.*]] = "memref.load"(%[[AM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK: %[[VB:.*]] = "memref.load"(%[[BM]], %[[J]]) : (memref<3xf32>, index) -> f32
// CHECK: %[[R:.*]] = "arith.addf"(%[[VA]], %[[VB]]) : ({{.*}}) -> {{.*}}
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: sym_name = "add_row"
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<3xf32>):
  %0 = "nn.add"(%a, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>, sym_name = "add_row"} : () -> ()

// A size-1 dimension that the output stretches is read at the constant index 0.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x1xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]]) : (tensor<2x1xf32>) -> memref<2x1xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[VA:.*]] = "memref.load"(%[[AM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK-DAG: %[[ZB1:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[VB:.*]] = "memref.load"(%[[BM]], %[[I]], %[[ZB1]]) : (memref<2x1xf32>, index, index) -> f32
// CHECK: %[[R:.*]] = "arith.addf"(%[[VA]], %[[VB]]) : ({{.*}}) -> {{.*}}
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: sym_name = "add_column"
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<2x1xf32>):
  %0 = "nn.add"(%a, %b) : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x3xf32>, sym_name = "add_column"} : () -> ()

// Both operands broadcast: the output is their outer sum.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x1xf32>, %[[B:.*]]: tensor<1x3xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]]) : (tensor<2x1xf32>) -> memref<2x1xf32>
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]]) : (tensor<1x3xf32>) -> memref<1x3xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[ZA1:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[VA:.*]] = "memref.load"(%[[AM]], %[[I]], %[[ZA1]]) : (memref<2x1xf32>, index, index) -> f32
// CHECK-DAG: %[[ZB0:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[VB:.*]] = "memref.load"(%[[BM]], %[[ZB0]], %[[J]]) : (memref<1x3xf32>, index, index) -> f32
// CHECK: %[[R:.*]] = "arith.addf"(%[[VA]], %[[VB]]) : ({{.*}}) -> {{.*}}
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: sym_name = "add_outer"
"func.func"() ({
^bb0(%a: tensor<2x1xf32>, %b: tensor<1x3xf32>):
  %0 = "nn.add"(%a, %b) : (tensor<2x1xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x1xf32>, tensor<1x3xf32>) -> tensor<2x3xf32>, sym_name = "add_outer"} : () -> ()

// A rank-0 operand is loaded without indices.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<f32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]]) : (tensor<f32>) -> memref<f32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[VA:.*]] = "memref.load"(%[[AM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK: %[[VB:.*]] = "memref.load"(%[[BM]]) : (memref<f32>) -> f32
// CHECK: %[[R:.*]] = "arith.addf"(%[[VA]], %[[VB]]) : ({{.*}}) -> {{.*}}
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: sym_name = "add_scalar"
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<f32>):
  %0 = "nn.add"(%a, %b) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>, sym_name = "add_scalar"} : () -> ()

// Rank 3 against rank 2: the rhs aligns with the last two dimensions and stretches its last one.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<4x2x3xf32>, %[[B:.*]]: tensor<2x1xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]]) : (tensor<4x2x3xf32>) -> memref<4x2x3xf32>
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]]) : (tensor<2x1xf32>) -> memref<2x1xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<4x2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index):
// CHECK: %[[VA:.*]] = "memref.load"(%[[AM]], %[[I]], %[[J]], %[[K]]) : (memref<4x2x3xf32>, index, index, index) -> f32
// CHECK-DAG: %[[ZB1:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[VB:.*]] = "memref.load"(%[[BM]], %[[J]], %[[ZB1]]) : (memref<2x1xf32>, index, index) -> f32
// CHECK: %[[R:.*]] = "arith.addf"(%[[VA]], %[[VB]]) : ({{.*}}) -> {{.*}}
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]], %[[K]]) : (f32, memref<4x2x3xf32>, index, index, index) -> ()
// CHECK: sym_name = "add_rank3"
"func.func"() ({
^bb0(%a: tensor<4x2x3xf32>, %b: tensor<2x1xf32>):
  %0 = "nn.add"(%a, %b) : (tensor<4x2x3xf32>, tensor<2x1xf32>) -> tensor<4x2x3xf32>
  "func.return"(%0) : (tensor<4x2x3xf32>) -> ()
}) {function_type = (tensor<4x2x3xf32>, tensor<2x1xf32>) -> tensor<4x2x3xf32>, sym_name = "add_rank3"} : () -> ()

// Integers add with arith.addi.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xi32>, %[[B:.*]]: tensor<3xi32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]]) : (tensor<2x3xi32>) -> memref<2x3xi32>
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]]) : (tensor<3xi32>) -> memref<3xi32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xi32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[VA:.*]] = "memref.load"(%[[AM]], %[[I]], %[[J]]) : (memref<2x3xi32>, index, index) -> i32
// CHECK: %[[VB:.*]] = "memref.load"(%[[BM]], %[[J]]) : (memref<3xi32>, index) -> i32
// CHECK: %[[R:.*]] = "arith.addi"(%[[VA]], %[[VB]]) : ({{.*}}) -> {{.*}}
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (i32, memref<2x3xi32>, index, index) -> ()
// CHECK: sym_name = "add_i32"
"func.func"() ({
^bb0(%a: tensor<2x3xi32>, %b: tensor<3xi32>):
  %0 = "nn.add"(%a, %b) : (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  "func.return"(%0) : (tensor<2x3xi32>) -> ()
}) {function_type = (tensor<2x3xi32>, tensor<3xi32>) -> tensor<2x3xi32>, sym_name = "add_i32"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "add"
// EQUIV: function_type = (memref<2x3xf32>, memref<3xf32>, memref<2x3xf32>) -> (), sym_name = "add_row"
// EQUIV: function_type = (memref<2x3xf32>, memref<2x1xf32>, memref<2x3xf32>) -> (), sym_name = "add_column"
// EQUIV: function_type = (memref<2x1xf32>, memref<1x3xf32>, memref<2x3xf32>) -> (), sym_name = "add_outer"
// EQUIV: function_type = (memref<2x3xf32>, memref<f32>, memref<2x3xf32>) -> (), sym_name = "add_scalar"
// EQUIV: function_type = (memref<4x2x3xf32>, memref<2x1xf32>, memref<4x2x3xf32>) -> (), sym_name = "add_rank3"
// EQUIV: function_type = (memref<2x3xi32>, memref<3xi32>, memref<2x3xi32>) -> (), sym_name = "add_i32"
