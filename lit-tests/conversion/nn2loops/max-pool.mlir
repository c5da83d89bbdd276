// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.max_pool: a loop nest over the output, and inside it a reduction over the window (one
// scf.for per kernel dimension carrying the running maximum from -inf). The input position
// per spatial dimension is o * stride + k * dilation - pad; 0 <= pos < extent guards it,
// the load reads the clamped address, and select keeps the old maximum outside.
// Here kernel 2x2 with strides 2: out[n, c, i, j] = max over x[n, c, 2i + kh, 2j + kw].
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x2x4x4xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x2x2x2xf32>
// CHECK-DAG: %[[UBN:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBN]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[N:.*]]: index):
// CHECK-DAG: %[[UBC:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBC]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[C:.*]]: index):
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[NEGINF:.*]] = "arith.constant"() {value = 0xFF800000 : f32}
// CHECK-DAG: %[[UBKH:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[MAX:.*]] = "scf.for"(%{{.*}}, %[[UBKH]], %{{.*}}, %[[NEGINF]]) ({
// CHECK-NEXT: ^bb0(%[[KH:.*]]: index, %[[M0:.*]]: f32):
// CHECK-DAG: %[[UBKW:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[MAXW:.*]] = "scf.for"(%{{.*}}, %[[UBKW]], %{{.*}}, %[[M0]]) ({
// CHECK-NEXT: ^bb0(%[[KW:.*]]: index, %[[M:.*]]: f32):
// CHECK-DAG: %[[SH:.*]] = "arith.constant"() {value = 2 : index}
// CHECK-DAG: %[[IS:.*]] = "arith.muli"(%[[I]], %[[SH]])
// CHECK-DAG: %[[KHD:.*]] = "arith.muli"(%[[KH]], %{{.*}})
// CHECK: %[[H0:.*]] = "arith.addi"(%[[IS]], %[[KHD]])
// CHECK: %[[H:.*]] = "arith.subi"(%[[H0]], %{{.*}})
// CHECK: %[[HGE:.*]] = "arith.cmpi"(%[[H]], %{{.*}}) {predicate = 5 : i64}
// CHECK-DAG: %[[XH:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: %[[HLT:.*]] = "arith.cmpi"(%[[H]], %[[XH]]) {predicate = 2 : i64}
// CHECK: %[[HIN:.*]] = "arith.andi"(%[[HGE]], %[[HLT]])
// CHECK: %[[HMAX:.*]] = "arith.maxsi"(%[[H]], %{{.*}})
// CHECK-DAG: %[[XH1:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[HC:.*]] = "arith.minsi"(%[[HMAX]], %[[XH1]])
// CHECK-DAG: %[[SW:.*]] = "arith.constant"() {value = 2 : index}
// CHECK-DAG: %[[JS:.*]] = "arith.muli"(%[[J]], %[[SW]])
// CHECK-DAG: %[[KWD:.*]] = "arith.muli"(%[[KW]], %{{.*}})
// CHECK: %[[W0:.*]] = "arith.addi"(%[[JS]], %[[KWD]])
// CHECK: %[[W:.*]] = "arith.subi"(%[[W0]], %{{.*}})
// CHECK: %[[WIN:.*]] = "arith.andi"
// CHECK: %[[IN:.*]] = "arith.andi"(%[[HIN]], %[[WIN]])
// CHECK: %[[WMAX:.*]] = "arith.maxsi"(%[[W]], %{{.*}})
// CHECK: %[[WC:.*]] = "arith.minsi"(%[[WMAX]], %{{.*}})
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[N]], %[[C]], %[[HC]], %[[WC]]) : (memref<1x2x4x4xf32>, index, index, index, index) -> f32
// CHECK: %[[NEXT:.*]] = "arith.maxf"(%[[M]], %[[V]])
// CHECK: %[[KEPT:.*]] = "arith.select"(%[[IN]], %[[NEXT]], %[[M]]) : (i1, f32, f32) -> f32
// CHECK: "scf.yield"(%[[KEPT]]) : (f32) -> ()
// CHECK: "scf.yield"(%[[MAXW]]) : (f32) -> ()
// CHECK-NOT: "arith.divf"
// CHECK: "memref.store"(%[[MAX]], %[[OUT]], %[[N]], %[[C]], %[[I]], %[[J]])
// CHECK: sym_name = "max_pool"
"func.func"() ({
^bb0(%x: tensor<1x2x4x4xf32>):
  %0 = "nn.max_pool"(%x) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>
  "func.return"(%0) : (tensor<1x2x2x2xf32>) -> ()
}) {function_type = (tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>, sym_name = "max_pool"} : () -> ()

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
// CHECK: %[[NEXT:.*]] = "arith.maxf"(%[[M]],
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
