// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.clip: max with min, then min with max, each as a compare and a select (x < min ? min : x,
// then x > max ? max : x: NaN stays NaN, one maxps and one minps on x86).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK-DAG: %[[LO:.*]] = "arith.constant"() {value = -5.000000e-01 : f32}
// CHECK: %[[BELOW:.*]] = "arith.cmpf"(%[[V]], %[[LO]]) {predicate = 4 : i64}
// CHECK: %[[M:.*]] = "arith.select"(%[[BELOW]], %[[LO]], %[[V]])
// CHECK-DAG: %[[HI:.*]] = "arith.constant"() {value = 5.000000e-01 : f32}
// CHECK: %[[ABOVE:.*]] = "arith.cmpf"(%[[M]], %[[HI]]) {predicate = 2 : i64}
// CHECK: %[[R:.*]] = "arith.select"(%[[ABOVE]], %[[HI]], %[[M]])
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: "bufferization.to_tensor"(%[[OUT]])
// CHECK: sym_name = "clip"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.clip"(%x) {max = 5.000000e-01 : f32, min = -5.000000e-01 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "clip"} : () -> ()

// Only a lower bound: no upper bound's compare.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK-DAG: %[[LO:.*]] = "arith.constant"() {value = -5.000000e-01 : f32}
// CHECK: %[[BELOW:.*]] = "arith.cmpf"(%[[V]], %[[LO]]) {predicate = 4 : i64}
// CHECK: %[[R:.*]] = "arith.select"(%[[BELOW]], %[[LO]], %[[V]])
// CHECK-NOT: "arith.cmpf"
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: "bufferization.to_tensor"(%[[OUT]])
// CHECK: sym_name = "clip_min"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.clip"(%x) {min = -5.000000e-01 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "clip_min"} : () -> ()

// Only an upper bound: no lower bound's compare.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK-DAG: %[[HI:.*]] = "arith.constant"() {value = 2.500000e-01 : f32}
// CHECK-NOT: "arith.cmpf"
// CHECK: %[[ABOVE:.*]] = "arith.cmpf"(%[[V]], %[[HI]]) {predicate = 2 : i64}
// CHECK-NOT: "arith.cmpf"
// CHECK: %[[R:.*]] = "arith.select"(%[[ABOVE]], %[[HI]], %[[V]])
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: "bufferization.to_tensor"(%[[OUT]])
// CHECK: sym_name = "clip_max"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.clip"(%x) {max = 2.500000e-01 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "clip_max"} : () -> ()

// Without bounds the element is stored unchanged.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK-NOT: "arith.cmpf"
// CHECK-NOT: "arith.select"
// CHECK: "memref.store"(%[[V]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: "bufferization.to_tensor"(%[[OUT]])
// CHECK: sym_name = "clip_none"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.clip"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "clip_none"} : () -> ()

// A NaN bound makes every result NaN: arith.maxf and minf, which a compare and select would not.
// CHECK-LABEL: "func.func"
// CHECK: %[[M:.*]] = "arith.maxf"
// CHECK: "arith.minf"(%[[M]], %{{.*}})
// CHECK-NOT: "arith.select"
// CHECK: sym_name = "clip_nan_bound"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.clip"(%x) {min = 0x7FC00000 : f32, max = 2.500000e-01 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "clip_nan_bound"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "clip"
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "clip_min"
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "clip_max"
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "clip_none"
