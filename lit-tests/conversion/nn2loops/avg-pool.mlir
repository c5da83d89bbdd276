// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.avg_pool: per output element two reductions over the window, each an scf.for nest with
// an f32 iter_arg from 0.0: the sum of the elements inside the input, then the count of
// the positions that count, and the sum divided by the count is stored. With the default
// count_include_pad = 0 a position counts when it lies inside the input (0 <= pos < 5).
// Kernel 3x3, strides 2, pads 1: position o * 2 + k - 1.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x1x5x5xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x1x3x3xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[N:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[C:.*]]: index):
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK-DAG: %[[UBKH:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[SUM:.*]] = "scf.for"(%{{.*}}, %[[UBKH]], %{{.*}}, %[[ZERO]]) ({
// CHECK-NEXT: ^bb0(%[[KH:.*]]: index, %{{.*}}: f32):
// CHECK: %[[SUMW:.*]] = "scf.for"
// CHECK-NEXT: ^bb0(%[[KW:.*]]: index, %[[S:.*]]: f32):
// CHECK-DAG: %[[SH:.*]] = "arith.constant"() {value = 2 : index}
// CHECK-DAG: %[[IS:.*]] = "arith.muli"(%[[I]], %[[SH]])
// CHECK-DAG: %[[KHD:.*]] = "arith.muli"(%[[KH]], %{{.*}})
// CHECK: %[[H0:.*]] = "arith.addi"(%[[IS]], %[[KHD]])
// CHECK-DAG: %[[PH:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[H:.*]] = "arith.subi"(%[[H0]], %[[PH]])
// CHECK-DAG: %[[LO:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: "arith.cmpi"(%[[H]], %[[LO]]) {predicate = 5 : i64}
// CHECK-DAG: %[[HI:.*]] = "arith.constant"() {value = 5 : index}
// CHECK: "arith.cmpi"(%[[H]], %[[HI]]) {predicate = 2 : i64}
// CHECK: %[[HIN:.*]] = "arith.andi"
// CHECK: "arith.subi"
// CHECK: "arith.andi"
// CHECK: %[[IN:.*]] = "arith.andi"(%[[HIN]], %{{.*}})
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[N]], %[[C]], %{{.*}}, %{{.*}}) : (memref<1x1x5x5xf32>, index, index, index, index) -> f32
// CHECK: %[[ADD:.*]] = "arith.addf"(%[[S]], %[[V]])
// CHECK: %[[KEPT:.*]] = "arith.select"(%[[IN]], %[[ADD]], %[[S]])
// CHECK: "scf.yield"(%[[KEPT]])
// CHECK: "scf.yield"(%[[SUMW]])
// CHECK-DAG: %[[ZERO2:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK-DAG: %[[UBKH2:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[COUNT:.*]] = "scf.for"(%{{.*}}, %[[UBKH2]], %{{.*}}, %[[ZERO2]]) ({
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%{{.*}}: index, %[[K:.*]]: f32):
// CHECK: %[[CH:.*]] = "arith.subi"
// CHECK-DAG: %[[CLO:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: "arith.cmpi"(%[[CH]], %[[CLO]]) {predicate = 5 : i64}
// CHECK-DAG: %[[CHI:.*]] = "arith.constant"() {value = 5 : index}
// CHECK: "arith.cmpi"(%[[CH]], %[[CHI]]) {predicate = 2 : i64}
// CHECK: %[[CHIN:.*]] = "arith.andi"
// CHECK: "arith.subi"
// CHECK: "arith.andi"
// CHECK: %[[CIN:.*]] = "arith.andi"(%[[CHIN]], %{{.*}})
// CHECK-NOT: "memref.load"
// CHECK-DAG: %[[ONE:.*]] = "arith.constant"() {value = 1.000000e+00 : f32}
// CHECK: %[[INC:.*]] = "arith.addf"(%[[K]], %[[ONE]])
// CHECK: "arith.select"(%[[CIN]], %[[INC]], %[[K]])
// CHECK: %[[AVG:.*]] = "arith.divf"(%[[SUM]], %[[COUNT]])
// CHECK-NEXT: "memref.store"(%[[AVG]], %[[OUT]], %[[N]], %[[C]], %[[I]], %[[J]])
// CHECK: sym_name = "avg_pool"
"func.func"() ({
^bb0(%x: tensor<1x1x5x5xf32>):
  %0 = "nn.avg_pool"(%x) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  "func.return"(%0) : (tensor<1x1x3x3xf32>) -> ()
}) {function_type = (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>, sym_name = "avg_pool"} : () -> ()

// count_include_pad = 1: the sum still reads only inside the input (0 <= pos < 5), but the
// count includes the padding: -1 <= pos < 6.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x1x5x5xf32>):
// CHECK: %[[SUM:.*]] = "scf.for"
// CHECK: %[[H:.*]] = "arith.subi"
// CHECK-DAG: %[[LO:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: "arith.cmpi"(%[[H]], %[[LO]]) {predicate = 5 : i64}
// CHECK-DAG: %[[HI:.*]] = "arith.constant"() {value = 5 : index}
// CHECK: "arith.cmpi"(%[[H]], %[[HI]]) {predicate = 2 : i64}
// CHECK: "memref.load"
// CHECK: %[[COUNT:.*]] = "scf.for"
// CHECK: %[[CH:.*]] = "arith.subi"
// CHECK-DAG: %[[CLO:.*]] = "arith.constant"() {value = -1 : index}
// CHECK: "arith.cmpi"(%[[CH]], %[[CLO]]) {predicate = 5 : i64}
// CHECK-DAG: %[[CHI:.*]] = "arith.constant"() {value = 6 : index}
// CHECK: "arith.cmpi"(%[[CH]], %[[CHI]]) {predicate = 2 : i64}
// CHECK: "arith.divf"(%[[SUM]], %[[COUNT]])
// CHECK: sym_name = "avg_pool_count_pad"
"func.func"() ({
^bb0(%x: tensor<1x1x5x5xf32>):
  %0 = "nn.avg_pool"(%x) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, count_include_pad = 1 : i64} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  "func.return"(%0) : (tensor<1x1x3x3xf32>) -> ()
}) {function_type = (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>, sym_name = "avg_pool_count_pad"} : () -> ()

// ceil_mode = 1 with count_include_pad = 1 and pads only at the start ([1, 1, 0, 0]):
// kernel 3, stride 2 over 5 + 1 gives 3 outputs (2 with floor); the last window reaches one
// past the padded input, and that position does not count (pos < 5 + 0, not 6).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x1x5x5xf32>):
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x1x3x3xf32>
// CHECK: "memref.load"
// CHECK: %[[COUNT:.*]] = "scf.for"
// CHECK: %[[CH:.*]] = "arith.subi"
// CHECK-DAG: %[[CLO:.*]] = "arith.constant"() {value = -1 : index}
// CHECK: "arith.cmpi"(%[[CH]], %[[CLO]]) {predicate = 5 : i64}
// CHECK-DAG: %[[CHI:.*]] = "arith.constant"() {value = 5 : index}
// CHECK: "arith.cmpi"(%[[CH]], %[[CHI]]) {predicate = 2 : i64}
// CHECK: "arith.divf"(%{{.*}}, %[[COUNT]])
// CHECK: sym_name = "avg_pool_ceil"
"func.func"() ({
^bb0(%x: tensor<1x1x5x5xf32>):
  %0 = "nn.avg_pool"(%x) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 0, 0>, count_include_pad = 1 : i64, ceil_mode = 1 : i64} : (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>
  "func.return"(%0) : (tensor<1x1x3x3xf32>) -> ()
}) {function_type = (tensor<1x1x5x5xf32>) -> tensor<1x1x3x3xf32>, sym_name = "avg_pool_ceil"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<1x1x5x5xf32>, memref<1x1x3x3xf32>) -> (), sym_name = "avg_pool"
// EQUIV: function_type = (memref<1x1x5x5xf32>, memref<1x1x3x3xf32>) -> (), sym_name = "avg_pool_count_pad"
// EQUIV: function_type = (memref<1x1x5x5xf32>, memref<1x1x3x3xf32>) -> (), sym_name = "avg_pool_ceil"
