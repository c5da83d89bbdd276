// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},bufferize' | %sol-translate | FileCheck %s --check-prefix=LLVM

// f32 softmax along a contiguous axis goes a row at a time in vectors: the maximum (the
// row's last, partial vector read masked with -inf past the row), a horizontal maximum by
// shuffles, exp(x - max) stored while its sum accumulates, the sum across lanes, then the
// stored exponentials scaled by 1 / sum. Rows of 37 are two whole vectors and a masked one;
// the whole vectors go to accumulators of their own (up to four), combined at the end.
// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[NEGINF:.*]] = "arith.constant"() {value = 0xFF800000 : f32}
// CHECK-DAG: %[[TAIL:.*]] = "arith.constant"() {value = 32 : index}
// CHECK: "scf.for"
// CHECK: ^bb0(%[[ROW:.*]]: index):
// CHECK: %[[V0:.*]] = "vector.load"
// CHECK: "arith.cmpf"(%{{.*}}, %[[V0]]) {predicate = 2 : i64}
// CHECK: "arith.cmpf"(%{{.*}}, %[[V0]]) {predicate = 14 : i64}
// CHECK: %[[A0:.*]] = "arith.select"
// CHECK: %[[V1:.*]] = "vector.load"
// CHECK: "arith.cmpf"(%{{.*}}, %[[V1]]) {predicate = 2 : i64}
// CHECK: "arith.cmpf"(%{{.*}}, %[[V1]]) {predicate = 14 : i64}
// CHECK: %[[A1:.*]] = "arith.select"
// CHECK: "arith.cmpf"(%[[A0]], %[[A1]]) {predicate = 2 : i64}
// CHECK: "arith.cmpf"(%[[A0]], %[[A1]]) {predicate = 14 : i64}
// CHECK: %[[MAXV:.*]] = "arith.select"
// CHECK: %[[LAST:.*]] = "vector.transfer_read"(%{{.*}}, %[[ROW]], %[[TAIL]], %[[NEGINF]]) {in_bounds = [false]
// CHECK: "arith.cmpf"(%[[MAXV]], %[[LAST]]) {predicate = 2 : i64}
// CHECK: "arith.cmpf"(%[[MAXV]], %[[LAST]]) {predicate = 14 : i64}
// CHECK: "vector.shuffle"
// CHECK: %[[MAX:.*]] = "vector.extract"
// CHECK: %[[SHIFT:.*]] = "vector.broadcast"(%[[MAX]])
// CHECK: %[[D:.*]] = "arith.subf"(%{{.*}}, %[[SHIFT]]) : (vector<16xf32>, vector<16xf32>)
// CHECK: %[[E:.*]] = "math.exp"(%[[D]]) : (vector<16xf32>) -> vector<16xf32>
// CHECK: "vector.store"(%[[E]]
// CHECK: "arith.addf"(%{{.*}}, %[[E]])
// CHECK: "vector.transfer_write"
// CHECK: %[[SUM:.*]] = "vector.extract"
// CHECK: %[[INV:.*]] = "arith.divf"(%{{.*}}, %[[SUM]]) : (f32, f32)
// CHECK: %[[SCALE:.*]] = "vector.broadcast"(%[[INV]])
// CHECK: "scf.for"
// CHECK: "arith.mulf"(%{{.*}}, %[[SCALE]]) : (vector<16xf32>, vector<16xf32>)
// CHECK: "vector.store"
// CHECK: "vector.transfer_write"
// CHECK: sym_name = "softmax_tail"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "softmax_tail"
// The exponential of a vector is inline arithmetic (no libm call per lane).
// LLVM-LABEL: define void @softmax_tail
// LLVM-NOT: @llvm.exp
// LLVM-NOT: @expf
// LLVM: @llvm.floor.v16f32
// LLVM: fptosi <16 x float>
"func.func"() ({
^bb0(%x: tensor<3x37xf32>):
  %0 = "nn.softmax"(%x) : (tensor<3x37xf32>) -> tensor<3x37xf32>
  "func.return"(%0) : (tensor<3x37xf32>) -> ()
}) {function_type = (tensor<3x37xf32>) -> tensor<3x37xf32>, sym_name = "softmax_tail"} : () -> ()

// -----

// Rows of 150: nine whole vectors, eight of them in a loop of two steps carrying four
// accumulators (independent chains of maxima, then of sums), the ninth into the first.
// CHECK-LABEL: "func.func"
// CHECK: %[[M:.*]]:4 = "scf.for"
// CHECK-COUNT-4: "arith.cmpf"({{.*}}) {predicate = 14 : i64} : (vector<16xf32>, vector<16xf32>)
// CHECK: "scf.yield"
// CHECK: "arith.cmpf"(%[[M]]#0, %{{.*}}) {predicate = 2 : i64}
// CHECK: "arith.cmpf"(%[[M]]#0, %{{.*}}) {predicate = 14 : i64}
// CHECK: %[[M0:.*]] = "arith.select"
// CHECK: "arith.cmpf"(%[[M0]], %[[M]]#1) {predicate = 2 : i64}
// CHECK: "arith.cmpf"(%[[M0]], %[[M]]#1) {predicate = 14 : i64}
// CHECK: "arith.cmpf"(%[[M]]#2, %[[M]]#3) {predicate = 2 : i64}
// CHECK: "arith.cmpf"(%[[M]]#2, %[[M]]#3) {predicate = 14 : i64}
// CHECK: %[[S:.*]]:4 = "scf.for"
// CHECK-COUNT-4: "math.exp"
// CHECK: "scf.yield"
// CHECK: sym_name = "softmax_long_rows"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "softmax_long_rows"
"func.func"() ({
^bb0(%x: tensor<2x150xf32>):
  %0 = "nn.softmax"(%x) : (tensor<2x150xf32>) -> tensor<2x150xf32>
  "func.return"(%0) : (tensor<2x150xf32>) -> ()
}) {function_type = (tensor<2x150xf32>) -> tensor<2x150xf32>, sym_name = "softmax_long_rows"} : () -> ()

// -----

// log_softmax does not store the exponentials: the last pass writes (x - max) - log(sum).
// The axis is followed by an axis of extent 1, so each row is still contiguous.
// CHECK-LABEL: "func.func"
// CHECK: "math.exp"({{.*}}) : (vector<16xf32>) -> vector<16xf32>
// CHECK-NOT: "vector.store"
// CHECK: %[[LOG:.*]] = "math.log"(%{{.*}}) : (f32) -> f32
// CHECK: %[[L:.*]] = "vector.broadcast"(%[[LOG]])
// CHECK: "scf.for"
// CHECK: %[[D:.*]] = "arith.subf"(%{{.*}}, %{{.*}}) : (vector<16xf32>, vector<16xf32>)
// CHECK: "arith.subf"(%[[D]], %[[L]])
// CHECK: "vector.store"
// CHECK: sym_name = "log_softmax_unit_axis"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "log_softmax_unit_axis"
"func.func"() ({
^bb0(%x: tensor<2x32x1xf32>):
  %0 = "nn.log_softmax"(%x) {axis = 1 : i64} : (tensor<2x32x1xf32>) -> tensor<2x32x1xf32>
  "func.return"(%0) : (tensor<2x32x1xf32>) -> ()
}) {function_type = (tensor<2x32x1xf32>) -> tensor<2x32x1xf32>, sym_name = "log_softmax_unit_axis"} : () -> ()

// -----

// An axis with elements after it (strided) keeps the scalar loops.
// CHECK-LABEL: "func.func"
// CHECK-NOT: vector<
// CHECK: "math.exp"({{.*}}) : (f32) -> f32
// CHECK: sym_name = "softmax_strided"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "softmax_strided"
"func.func"() ({
^bb0(%x: tensor<2x20x3xf32>):
  %0 = "nn.softmax"(%x) {axis = 1 : i64} : (tensor<2x20x3xf32>) -> tensor<2x20x3xf32>
  "func.return"(%0) : (tensor<2x20x3xf32>) -> ()
}) {function_type = (tensor<2x20x3xf32>) -> tensor<2x20x3xf32>, sym_name = "softmax_strided"} : () -> ()
