// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2 parallel-work=1 l2-cache=65536},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2 parallel-work=1 l2-cache=65536},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 l2-cache=65536},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1 l2-cache=16384},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// A network's first convolution (3 channels, 3 x 3, stride 2) whose shifted copies of the
// whole image (3 tap columns x 2 row phases x 3 channels of 34 rows x 33 columns, 80 KB)
// outgrow a quarter of L2 (64 KiB here) goes band by band: one parallel loop over the two
// threads, each taking a run of the 33 output rows (from p * 33 / 2) in bands of 4 rows (5
// copy rows of 2376 bytes each, within the quarter), the last band moved up to end at the
// run's end (min(from + 4 b, to - 4)). Each band zeroes its slot's slack (a vector past the
// copies), copies its rows of the copies into the thread's slot (2 MiB apart in the function's
// slot space), then multiplies them into the result from its first pixel on. No second
// parallel loop.
// The equivalence runs take one and two threads, and vectors of 4 lanes with bands of 1 row.

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "stem_in_bands"

// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[C2:.*]] = "arith.constant"() {value = 2 : index}
// CHECK-DAG: %[[C4:.*]] = "arith.constant"() {value = 4 : index}
// CHECK-DAG: %[[C33:.*]] = "arith.constant"() {value = 33 : index}
// CHECK-DAG: %[[SLOT:.*]] = "arith.constant"() {value = 524288 : index}
// CHECK: %[[SPACE:.*]] = "memref.alloc"() {{.*}} -> memref<4194304xi8>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} -> memref<1x24x33x33xf32>
// CHECK: %[[PLANES:.*]] = "memref.collapse_shape"(%[[OUT]]) {{.*}} -> memref<1x24x1089xf32>
// CHECK: %[[COPIES:.*]] = "memref.view"(%[[SPACE]], %{{.*}}) : (memref<4194304xi8>, index) -> memref<1048576xf32>
// CHECK: "scf.parallel"(%{{.*}}, %[[C2]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[P:.*]]: index):
// CHECK-NEXT: %[[FROM0:.*]] = "arith.muli"(%[[P]], %[[C33]])
// CHECK-NEXT: %[[FROM:.*]] = "arith.divui"(%[[FROM0]], %[[C2]])
// CHECK: %[[TO:.*]] = "arith.divui"(%{{.*}}, %[[C2]])
// CHECK: %[[COUNT:.*]] = "arith.divui"(%{{.*}}, %[[C4]])
// CHECK-NEXT: "scf.for"(%{{.*}}, %[[COUNT]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[B:.*]]: index):
// CHECK-NEXT: %[[B4:.*]] = "arith.muli"(%[[B]], %[[C4]])
// CHECK-NEXT: %[[Y:.*]] = "arith.addi"(%[[FROM]], %[[B4]])
// CHECK-NEXT: %[[LAST:.*]] = "arith.subi"(%[[TO]], %[[C4]])
// CHECK-NEXT: %[[Y0:.*]] = "arith.minsi"(%[[Y]], %[[LAST]])
// CHECK: "arith.muli"(%[[P]], %[[SLOT]])
// CHECK: "vector.store"(%{{.*}}, %[[COPIES]]
// CHECK: "vector.fma"
// CHECK: "vector.store"(%{{.*}}, %[[PLANES]]
// CHECK-NOT: "scf.parallel"
// CHECK: sym_name = "stem_in_bands"
"func.func"() ({
^bb0(%x: tensor<1x3x67x67xf32>, %w: tensor<24x3x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {strides = array<i64: 2, 2>} : (tensor<1x3x67x67xf32>, tensor<24x3x3x3xf32>) -> tensor<1x24x33x33xf32>
  "func.return"(%0) : (tensor<1x24x33x33xf32>) -> ()
}) {function_type = (tensor<1x3x67x67xf32>, tensor<24x3x3x3xf32>) -> tensor<1x24x33x33xf32>, sym_name = "stem_in_bands"} : () -> ()
