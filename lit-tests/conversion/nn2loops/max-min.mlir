// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.max and nn.min: arith.maxf/minf on floats (NaN-propagating, as in ONNX) with broadcasting.
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
// CHECK: %[[R:.*]] = "arith.maxf"(%[[VA]], %[[VB]]) : ({{.*}}) -> {{.*}}
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: sym_name = "max"
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<3xf32>):
  %0 = "nn.max"(%a, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>, sym_name = "max"} : () -> ()

// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x1xf32>, %[[B:.*]]: tensor<2x3xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]]) : (tensor<2x1xf32>) -> memref<2x1xf32>
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[ZA1:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[VA:.*]] = "memref.load"(%[[AM]], %[[I]], %[[ZA1]]) : (memref<2x1xf32>, index, index) -> f32
// CHECK: %[[VB:.*]] = "memref.load"(%[[BM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK: %[[R:.*]] = "arith.minf"(%[[VA]], %[[VB]]) : ({{.*}}) -> {{.*}}
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: sym_name = "min"
"func.func"() ({
^bb0(%a: tensor<2x1xf32>, %b: tensor<2x3xf32>):
  %0 = "nn.min"(%a, %b) : (tensor<2x1xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x1xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "min"} : () -> ()

// Signed integers: maxsi and minsi.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xi32>, %[[B:.*]]: tensor<2x3xi32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]]) : (tensor<2x3xi32>) -> memref<2x3xi32>
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]]) : (tensor<2x3xi32>) -> memref<2x3xi32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xi32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[VA:.*]] = "memref.load"(%[[AM]], %[[I]], %[[J]]) : (memref<2x3xi32>, index, index) -> i32
// CHECK: %[[VB:.*]] = "memref.load"(%[[BM]], %[[I]], %[[J]]) : (memref<2x3xi32>, index, index) -> i32
// CHECK: %[[R:.*]] = "arith.maxsi"(%[[VA]], %[[VB]]) : ({{.*}}) -> {{.*}}
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (i32, memref<2x3xi32>, index, index) -> ()
// CHECK: sym_name = "max_i32"
"func.func"() ({
^bb0(%a: tensor<2x3xi32>, %b: tensor<2x3xi32>):
  %0 = "nn.max"(%a, %b) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  "func.return"(%0) : (tensor<2x3xi32>) -> ()
}) {function_type = (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>, sym_name = "max_i32"} : () -> ()

// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xi32>, %[[B:.*]]: tensor<2x3xi32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]]) : (tensor<2x3xi32>) -> memref<2x3xi32>
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]]) : (tensor<2x3xi32>) -> memref<2x3xi32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xi32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[VA:.*]] = "memref.load"(%[[AM]], %[[I]], %[[J]]) : (memref<2x3xi32>, index, index) -> i32
// CHECK: %[[VB:.*]] = "memref.load"(%[[BM]], %[[I]], %[[J]]) : (memref<2x3xi32>, index, index) -> i32
// CHECK: %[[R:.*]] = "arith.minsi"(%[[VA]], %[[VB]]) : ({{.*}}) -> {{.*}}
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (i32, memref<2x3xi32>, index, index) -> ()
// CHECK: sym_name = "min_i32"
"func.func"() ({
^bb0(%a: tensor<2x3xi32>, %b: tensor<2x3xi32>):
  %0 = "nn.min"(%a, %b) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  "func.return"(%0) : (tensor<2x3xi32>) -> ()
}) {function_type = (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>, sym_name = "min_i32"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<3xf32>, memref<2x3xf32>) -> (), sym_name = "max"
// EQUIV: function_type = (memref<2x1xf32>, memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "min"
// EQUIV: function_type = (memref<2x3xi32>, memref<2x3xi32>, memref<2x3xi32>) -> (), sym_name = "max_i32"
// EQUIV: function_type = (memref<2x3xi32>, memref<2x3xi32>, memref<2x3xi32>) -> (), sym_name = "min_i32"
