// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.matmul of two matrices, in i-k-j order: for each row i the output row is zeroed, then
// for each k one element of A is loaded and the whole row of B times it is added into the
// output row (the innermost loop runs along j, which LLVM vectorizes).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3x4xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x4xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ0:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ0]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J0:.*]]: index):
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK: "memref.store"(%[[ZERO]], %[[OUT]], %[[I]], %[[J0]])
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index):
// CHECK: %[[X:.*]] = "memref.load"(%[[AM]], %[[I]], %[[K]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[Y:.*]] = "memref.load"(%[[BM]], %[[K]], %[[J]]) : (memref<3x4xf32>, index, index) -> f32
// CHECK-DAG: %[[O:.*]] = "memref.load"(%[[OUT]], %[[I]], %[[J]]) : (memref<2x4xf32>, index, index) -> f32
// CHECK-DAG: %[[P:.*]] = "arith.mulf"(%[[X]], %[[Y]])
// CHECK: %[[S:.*]] = "arith.addf"(%[[O]], %[[P]])
// CHECK: "memref.store"(%[[S]], %[[OUT]], %[[I]], %[[J]])
// CHECK: sym_name = "matmul"
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>):
  %0 = "nn.matmul"(%a, %b) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  "func.return"(%0) : (tensor<2x4xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>, sym_name = "matmul"} : () -> ()

// Batched, with broadcasting of the batch dimensions: A's batch of 1 is read at index 0,
// B's batch follows the output's.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<1x2x3xf32>, %[[B:.*]]: tensor<5x3x4xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<5x2x4xf32>
// CHECK-DAG: %[[UBN:.*]] = "arith.constant"() {value = 5 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBN]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[N:.*]]: index):
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[J0:.*]]: index):
// CHECK: "memref.store"(%{{.*}}, %[[OUT]], %[[N]], %[[I]], %[[J0]])
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index):
// CHECK-DAG: %[[Z:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[X:.*]] = "memref.load"(%[[AM]], %[[Z]], %[[I]], %[[K]]) : (memref<1x2x3xf32>, index, index, index) -> f32
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[Y:.*]] = "memref.load"(%[[BM]], %[[N]], %[[K]], %[[J]]) : (memref<5x3x4xf32>, index, index, index) -> f32
// CHECK-DAG: %[[O:.*]] = "memref.load"(%[[OUT]], %[[N]], %[[I]], %[[J]])
// CHECK-DAG: %[[P:.*]] = "arith.mulf"(%[[X]], %[[Y]])
// CHECK: %[[S:.*]] = "arith.addf"(%[[O]], %[[P]])
// CHECK: "memref.store"(%[[S]], %[[OUT]], %[[N]], %[[I]], %[[J]])
// CHECK: sym_name = "matmul_batched"
"func.func"() ({
^bb0(%a: tensor<1x2x3xf32>, %b: tensor<5x3x4xf32>):
  %0 = "nn.matmul"(%a, %b) : (tensor<1x2x3xf32>, tensor<5x3x4xf32>) -> tensor<5x2x4xf32>
  "func.return"(%0) : (tensor<5x2x4xf32>) -> ()
}) {function_type = (tensor<1x2x3xf32>, tensor<5x3x4xf32>) -> tensor<5x2x4xf32>, sym_name = "matmul_batched"} : () -> ()

// A batched matrix times an unbatched one: B has no batch index at all.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x2x3xf32>, %[[B:.*]]: tensor<3x4xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[N:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[K:.*]]: index):
// CHECK: %[[X:.*]] = "memref.load"(%[[AM]], %[[N]], %[[I]], %[[K]])
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[Y:.*]] = "memref.load"(%[[BM]], %[[K]], %[[J]]) : (memref<3x4xf32>, index, index) -> f32
// CHECK: sym_name = "matmul_batch_by_matrix"
"func.func"() ({
^bb0(%a: tensor<2x2x3xf32>, %b: tensor<3x4xf32>):
  %0 = "nn.matmul"(%a, %b) : (tensor<2x2x3xf32>, tensor<3x4xf32>) -> tensor<2x2x4xf32>
  "func.return"(%0) : (tensor<2x2x4xf32>) -> ()
}) {function_type = (tensor<2x2x3xf32>, tensor<3x4xf32>) -> tensor<2x2x4xf32>, sym_name = "matmul_batch_by_matrix"} : () -> ()

// A vector times a batch of matrices: ONNX drops the vector's dimension from the result
// (2x4). Each output element is a dot product: an scf.for over k carrying the sum as its
// iter_arg from 0.0, yielding sum + a[k] * b[n, k, j].
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<3xf32>, %[[B:.*]]: tensor<2x3x4xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x4xf32>
// CHECK-DAG: %[[UBN:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBN]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[N:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[INIT:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[ACC:.*]] = "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index, %[[SUM:.*]]: f32):
// CHECK-DAG: %[[X:.*]] = "memref.load"(%[[AM]], %[[K]]) : (memref<3xf32>, index) -> f32
// CHECK-DAG: %[[Y:.*]] = "memref.load"(%[[BM]], %[[N]], %[[K]], %[[J]]) : (memref<2x3x4xf32>, index, index, index) -> f32
// CHECK: %[[P:.*]] = "arith.mulf"(%[[X]], %[[Y]])
// CHECK: %[[NEXT:.*]] = "arith.addf"(%[[SUM]], %[[P]])
// CHECK: "scf.yield"(%[[NEXT]]) : (f32) -> ()
// CHECK-NEXT: }) : (index, index, index, f32) -> f32
// CHECK: "memref.store"(%[[ACC]], %[[OUT]], %[[N]], %[[J]])
// CHECK: sym_name = "vector_matmul"
"func.func"() ({
^bb0(%a: tensor<3xf32>, %b: tensor<2x3x4xf32>):
  %0 = "nn.matmul"(%a, %b) : (tensor<3xf32>, tensor<2x3x4xf32>) -> tensor<2x4xf32>
  "func.return"(%0) : (tensor<2x4xf32>) -> ()
}) {function_type = (tensor<3xf32>, tensor<2x3x4xf32>) -> tensor<2x4xf32>, sym_name = "vector_matmul"} : () -> ()

// A matrix times a vector: out[i] = sum over k of a[i, k] * b[k].
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[ACC:.*]] = "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}, %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index, %[[SUM:.*]]: f32):
// CHECK-DAG: %[[X:.*]] = "memref.load"(%[[AM]], %[[I]], %[[K]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK-DAG: %[[Y:.*]] = "memref.load"(%[[BM]], %[[K]]) : (memref<3xf32>, index) -> f32
// CHECK: %[[P:.*]] = "arith.mulf"(%[[X]], %[[Y]])
// CHECK: %[[NEXT:.*]] = "arith.addf"(%[[SUM]], %[[P]])
// CHECK: "scf.yield"(%[[NEXT]])
// CHECK: "memref.store"(%[[ACC]], %[[OUT]], %[[I]])
// CHECK: sym_name = "matmul_vector"
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<3xf32>):
  %0 = "nn.matmul"(%a, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2xf32>
  "func.return"(%0) : (tensor<2xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2xf32>, sym_name = "matmul_vector"} : () -> ()

// Two vectors: a dot product into a rank-0 result, no loops around the reduction.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<3xf32>, %[[B:.*]]: tensor<3xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<f32>
// CHECK-DAG: %[[INIT:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[ACC:.*]] = "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index, %[[SUM:.*]]: f32):
// CHECK-DAG: %[[X:.*]] = "memref.load"(%[[AM]], %[[K]])
// CHECK-DAG: %[[Y:.*]] = "memref.load"(%[[BM]], %[[K]])
// CHECK: %[[P:.*]] = "arith.mulf"(%[[X]], %[[Y]])
// CHECK: %[[NEXT:.*]] = "arith.addf"(%[[SUM]], %[[P]])
// CHECK: "scf.yield"(%[[NEXT]])
// CHECK: "memref.store"(%[[ACC]], %[[OUT]]) : (f32, memref<f32>) -> ()
// CHECK: sym_name = "dot"
"func.func"() ({
^bb0(%a: tensor<3xf32>, %b: tensor<3xf32>):
  %0 = "nn.matmul"(%a, %b) : (tensor<3xf32>, tensor<3xf32>) -> tensor<f32>
  "func.return"(%0) : (tensor<f32>) -> ()
}) {function_type = (tensor<3xf32>, tensor<3xf32>) -> tensor<f32>, sym_name = "dot"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<3x4xf32>, memref<2x4xf32>) -> (), sym_name = "matmul"
// EQUIV: function_type = (memref<1x2x3xf32>, memref<5x3x4xf32>, memref<5x2x4xf32>) -> (), sym_name = "matmul_batched"
// EQUIV: function_type = (memref<2x2x3xf32>, memref<3x4xf32>, memref<2x2x4xf32>) -> (), sym_name = "matmul_batch_by_matrix"
// EQUIV: function_type = (memref<3xf32>, memref<2x3x4xf32>, memref<2x4xf32>) -> (), sym_name = "vector_matmul"
// EQUIV: function_type = (memref<2x3xf32>, memref<3xf32>, memref<2xf32>) -> (), sym_name = "matmul_vector"
// EQUIV: function_type = (memref<3xf32>, memref<3xf32>, memref<f32>) -> (), sym_name = "dot"
