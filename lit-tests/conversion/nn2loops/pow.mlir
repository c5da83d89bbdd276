// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.pow computes in f64 (ONNX allows any mix of base and exponent types) and converts
// the result back to the base's type.
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
// CHECK: %[[XA:.*]] = "arith.extf"(%[[VA]]) : (f32) -> f64
// CHECK: %[[XB:.*]] = "arith.extf"(%[[VB]]) : (f32) -> f64
// CHECK: %[[P:.*]] = "math.powf"(%[[XA]], %[[XB]]) : (f64, f64) -> f64
// CHECK: %[[R:.*]] = "arith.truncf"(%[[P]]) : (f64) -> f32
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: sym_name = "pow"
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<3xf32>):
  %0 = "nn.pow"(%a, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>, sym_name = "pow"} : () -> ()

// An integer exponent converts with sitofp.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xi32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]]) : (tensor<3xi32>) -> memref<3xi32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[VA:.*]] = "memref.load"(%[[AM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK: %[[VB:.*]] = "memref.load"(%[[BM]], %[[J]]) : (memref<3xi32>, index) -> i32
// CHECK: %[[XA:.*]] = "arith.extf"(%[[VA]]) : (f32) -> f64
// CHECK: %[[XB:.*]] = "arith.sitofp"(%[[VB]]) : (i32) -> f64
// CHECK: %[[P:.*]] = "math.powf"(%[[XA]], %[[XB]]) : (f64, f64) -> f64
// CHECK: %[[R:.*]] = "arith.truncf"(%[[P]]) : (f64) -> f32
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: sym_name = "pow_int_exponent"
"func.func"() ({
^bb0(%a: tensor<2x3xf32>, %b: tensor<3xi32>):
  %0 = "nn.pow"(%a, %b) : (tensor<2x3xf32>, tensor<3xi32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>, tensor<3xi32>) -> tensor<2x3xf32>, sym_name = "pow_int_exponent"} : () -> ()

// f64 operands need no conversion.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<2xf64>, %[[B:.*]]: tensor<2xf64>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]]) : (tensor<2xf64>) -> memref<2xf64>
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]]) : (tensor<2xf64>) -> memref<2xf64>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2xf64>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK: %[[VA:.*]] = "memref.load"(%[[AM]], %[[I]]) : (memref<2xf64>, index) -> f64
// CHECK: %[[VB:.*]] = "memref.load"(%[[BM]], %[[I]]) : (memref<2xf64>, index) -> f64
// CHECK-NOT: "arith.extf"
// CHECK: %[[R:.*]] = "math.powf"(%[[VA]], %[[VB]]) : (f64, f64) -> f64
// CHECK-NOT: "arith.truncf"
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]]) : (f64, memref<2xf64>, index) -> ()
// CHECK: sym_name = "pow_f64"
"func.func"() ({
^bb0(%a: tensor<2xf64>, %b: tensor<2xf64>):
  %0 = "nn.pow"(%a, %b) : (tensor<2xf64>, tensor<2xf64>) -> tensor<2xf64>
  "func.return"(%0) : (tensor<2xf64>) -> ()
}) {function_type = (tensor<2xf64>, tensor<2xf64>) -> tensor<2xf64>, sym_name = "pow_f64"} : () -> ()

// An integer base: the f64 power converts back with fptosi.
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
// Integer powers are exact: square-and-multiply over the exponent's 32 bits, carrying
// (result, base, remaining exponent); negative exponents give 1, -1 or 0 as integer division would.
// CHECK-DAG: %[[BITS:.*]] = "arith.constant"() {value = 32 : index}
// CHECK: %[[LOOP:.*]]:3 = "scf.for"(%{{.*}}, %[[BITS]], %{{.*}}, %{{.*}}, %[[VA]], %[[VB]]) ({
// CHECK-NEXT: ^bb0(%{{.*}}: index, %[[ACC:.*]]: i32, %[[BASE:.*]]: i32, %[[E:.*]]: i32):
// CHECK: %[[BIT:.*]] = "arith.andi"(%[[E]], %{{.*}}) : (i32, i32) -> i32
// CHECK: %[[SET:.*]] = "arith.cmpi"(%[[BIT]], %{{.*}}) {predicate = 1 : i64}
// CHECK: %[[PROD:.*]] = "arith.muli"(%[[ACC]], %[[BASE]]) : (i32, i32) -> i32
// CHECK: %[[NACC:.*]] = "arith.select"(%[[SET]], %[[PROD]], %[[ACC]])
// CHECK: %[[SQ:.*]] = "arith.muli"(%[[BASE]], %[[BASE]]) : (i32, i32) -> i32
// CHECK: %[[NE:.*]] = "arith.shrui"(%[[E]], %{{.*}}) : (i32, i32) -> i32
// CHECK: "scf.yield"(%[[NACC]], %[[SQ]], %[[NE]]) : (i32, i32, i32) -> ()
// CHECK: %[[NEG:.*]] = "arith.cmpi"(%[[VB]], %{{.*}}) {predicate = 2 : i64}
// CHECK: %[[R:.*]] = "arith.select"(%[[NEG]], %{{.*}}, %[[LOOP]]#0) : (i1, i32, i32) -> i32
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (i32, memref<2x3xi32>, index, index) -> ()
// CHECK: sym_name = "pow_i32"
"func.func"() ({
^bb0(%a: tensor<2x3xi32>, %b: tensor<2x3xi32>):
  %0 = "nn.pow"(%a, %b) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  "func.return"(%0) : (tensor<2x3xi32>) -> ()
}) {function_type = (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>, sym_name = "pow_i32"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<3xf32>, memref<2x3xf32>) -> (), sym_name = "pow"
// EQUIV: function_type = (memref<2x3xf32>, memref<3xi32>, memref<2x3xf32>) -> (), sym_name = "pow_int_exponent"
// EQUIV: function_type = (memref<2xf64>, memref<2xf64>, memref<2xf64>) -> (), sym_name = "pow_f64"
// EQUIV: function_type = (memref<2x3xi32>, memref<2x3xi32>, memref<2x3xi32>) -> (), sym_name = "pow_i32"
