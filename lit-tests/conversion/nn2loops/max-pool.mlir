// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// 2-D nn.max_pool on floats, per image and channel, in two passes over the rows whose windows
// lie inside the input (here all of them: kernel 2x2, strides 2, no padding): the maximum down
// the window's rows into a row buffer (memref.alloca), along the whole input row (contiguous
// loads, vectorizable), then the maximum of each output's 2 neighbours in that row.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x2x4x4xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x2x2x2xf32>
// CHECK: %[[NEGINF:.*]] = "arith.constant"() {value = 0xFF800000 : f32}
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[N:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[C:.*]]: index):
// CHECK: %[[ROW:.*]] = "memref.alloca"() {{.*}} : () -> memref<4xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[W:.*]]: index):
// CHECK: %[[V0:.*]] = "memref.load"(%[[XM]], %[[N]], %[[C]], %{{.*}}, %[[W]]) : (memref<1x2x4x4xf32>, index, index, index, index) -> f32
// CHECK: "arith.cmpf"(%[[NEGINF]], %[[V0]]) {predicate = 2 : i64}
// CHECK: "arith.cmpf"(%[[NEGINF]], %[[V0]]) {predicate = 14 : i64}
// CHECK: %[[M0:.*]] = "arith.select"
// CHECK: %[[V1:.*]] = "memref.load"(%[[XM]], %[[N]], %[[C]], %{{.*}}, %[[W]])
// CHECK: "arith.cmpf"(%[[M0]], %[[V1]]) {predicate = 2 : i64}
// CHECK: "arith.cmpf"(%[[M0]], %[[V1]]) {predicate = 14 : i64}
// CHECK: %[[M1:.*]] = "arith.select"
// CHECK: "memref.store"(%[[M1]], %[[ROW]], %[[W]])
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-NOT: "arith.cmpi"
// CHECK: %[[R0:.*]] = "memref.load"(%[[ROW]], %{{.*}}) : (memref<4xf32>, index) -> f32
// CHECK: "arith.cmpf"(%[[NEGINF]], %[[R0]]) {predicate = 2 : i64}
// CHECK: "arith.cmpf"(%[[NEGINF]], %[[R0]]) {predicate = 14 : i64}
// CHECK: %[[H0:.*]] = "arith.select"
// CHECK: %[[R1:.*]] = "memref.load"(%[[ROW]], %{{.*}}) : (memref<4xf32>, index) -> f32
// CHECK: "arith.cmpf"(%[[H0]], %[[R1]]) {predicate = 2 : i64}
// CHECK: "arith.cmpf"(%[[H0]], %[[R1]]) {predicate = 14 : i64}
// CHECK: %[[H1:.*]] = "arith.select"
// CHECK-NOT: "arith.cmpi"
// CHECK: "memref.store"(%[[H1]], %[[OUT]], %[[N]], %[[C]], %[[I]], %[[J]])
// CHECK: sym_name = "max_pool"
"func.func"() ({
^bb0(%x: tensor<1x2x4x4xf32>):
  %0 = "nn.max_pool"(%x) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  "func.return"(%0) : (tensor<1x2x2x2xf32>) -> ()
}) {function_type = (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>, sym_name = "max_pool"} : () -> ()

// Other ranks and integers keep the generic loops: per output element a reduction over the
// window (an scf.for per kernel dimension carrying the running maximum); the input position
// o * stride + k * dilation - pad is guarded by 0 <= pos < extent, the load reads the clamped
// address and select keeps the old maximum outside.
// 1-D with pads [1, 1] and dilation 2: position o * 1 + k * 2 - 1, guarded by 0 <= pos < 6.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x1x6xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x1x6xf32>
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-DAG: %[[UBO:.*]] = "arith.constant"() {value = 6 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBO]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[O:.*]]: index):
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[MAX:.*]] = "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}, %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index, %[[M:.*]]: f32):
// CHECK-DAG: %[[S:.*]] = "arith.constant"() {value = 1 : index}
// CHECK-DAG: %[[OS:.*]] = "arith.muli"(%[[O]], %[[S]])
// CHECK-DAG: %[[D:.*]] = "arith.constant"() {value = 2 : index}
// CHECK-DAG: %[[KD:.*]] = "arith.muli"(%[[K]], %[[D]])
// CHECK: %[[P0:.*]] = "arith.addi"(%[[OS]], %[[KD]])
// CHECK-DAG: %[[PAD:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[P:.*]] = "arith.subi"(%[[P0]], %[[PAD]])
// CHECK-DAG: %[[LO:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[GE:.*]] = "arith.cmpi"(%[[P]], %[[LO]]) {predicate = 5 : i64}
// CHECK-DAG: %[[HI:.*]] = "arith.constant"() {value = 6 : index}
// CHECK: %[[LT:.*]] = "arith.cmpi"(%[[P]], %[[HI]]) {predicate = 2 : i64}
// CHECK: %[[IN:.*]] = "arith.andi"(%[[GE]], %[[LT]])
// CHECK: "memref.load"(%[[XM]], %{{.*}}, %{{.*}}, %{{.*}}) : (memref<1x1x6xf32>, index, index, index) -> f32
// CHECK: "arith.cmpf"(%[[M]], %{{.*}}) {predicate = 2 : i64}
// CHECK: "arith.cmpf"(%[[M]], %{{.*}}) {predicate = 14 : i64}
// CHECK: %[[NEXT:.*]] = "arith.select"
// CHECK: "arith.select"(%[[IN]], %[[NEXT]], %[[M]])
// CHECK: "memref.store"(%[[MAX]], %[[OUT]], %{{.*}}, %{{.*}}, %[[O]])
// CHECK: sym_name = "max_pool_1d_padded_dilated"
"func.func"() ({
^bb0(%x: tensor<1x1x6xf32>):
  %0 = "nn.max_pool"(%x) {kernel_shape = array<i64: 2>, dilations = array<i64: 2>, pads = array<i64: 1, 1>} : (tensor<1x1x6xf32>) -> tensor<1x1x6xf32>
  "func.return"(%0) : (tensor<1x1x6xf32>) -> ()
}) {function_type = (tensor<1x1x6xf32>) -> tensor<1x1x6xf32>, sym_name = "max_pool_1d_padded_dilated"} : () -> ()

// ceil_mode = 1 on integers: kernel 3, stride 2 over 4 gives 2 outputs (1 with floor), the
// last window reaching past the input, where the guard (pos < 4) leaves it out. The running
// maximum of i32 starts at the smallest i32 and uses maxsi.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x2x4x4xi32>):
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x2x2x2xi32>
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK: "scf.for"
// CHECK-DAG: %[[LOWEST:.*]] = "arith.constant"() {value = -2147483648 : i32}
// CHECK-DAG: %[[UBKH:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[MAX:.*]] = "scf.for"(%{{.*}}, %[[UBKH]], %{{.*}}, %[[LOWEST]]) ({
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%{{.*}}: index, %[[M:.*]]: i32):
// CHECK: %[[H:.*]] = "arith.subi"
// CHECK: "arith.cmpi"(%[[H]], %{{.*}}) {predicate = 5 : i64}
// CHECK-DAG: %[[XH:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "arith.cmpi"(%[[H]], %[[XH]]) {predicate = 2 : i64}
// CHECK: %[[V:.*]] = "memref.load"({{.*}}) : (memref<1x2x4x4xi32>, index, index, index, index) -> i32
// CHECK: %[[NEXT:.*]] = "arith.maxsi"(%[[M]], %[[V]]) : (i32, i32) -> i32
// CHECK: "arith.select"(%{{.*}}, %[[NEXT]], %[[M]]) : (i1, i32, i32) -> i32
// CHECK: "memref.store"(%[[MAX]], %[[OUT]],
// CHECK: sym_name = "max_pool_ceil_i32"
"func.func"() ({
^bb0(%x: tensor<1x2x4x4xi32>):
  %0 = "nn.max_pool"(%x) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, ceil_mode = 1 : i64} : (tensor<1x2x4x4xi32>) -> tensor<1x2x2x2xi32>
  "func.return"(%0) : (tensor<1x2x2x2xi32>) -> ()
}) {function_type = (tensor<1x2x4x4xi32>) -> tensor<1x2x2x2xi32>, sym_name = "max_pool_ceil_i32"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<1x2x4x4xf32>, memref<1x2x2x2xf32>) -> (), sym_name = "max_pool"
// EQUIV: function_type = (memref<1x1x6xf32>, memref<1x1x6xf32>) -> (), sym_name = "max_pool_1d_padded_dilated"
// EQUIV: function_type = (memref<1x2x4x4xi32>, memref<1x2x2x2xi32>) -> (), sym_name = "max_pool_ceil_i32"
