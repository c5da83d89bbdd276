// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.cast"'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.cast: one loop nest, one conversion per element. Float to signed integer: fptosi
// (truncation toward zero).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xi32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK: %[[R:.*]] = "arith.fptosi"(%[[V]]) : (f32) -> i32
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (i32, memref<2x3xi32>, index, index) -> ()
// CHECK: sym_name = "f32_to_i32"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.cast"(%x) : (tensor<2x3xf32>) -> tensor<2x3xi32>
  "func.return"(%0) : (tensor<2x3xi32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xi32>, sym_name = "f32_to_i32"} : () -> ()

// Signed integer to float: sitofp.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xi32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xi32>) -> memref<2x3xi32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xi32>, index, index) -> i32
// CHECK: %[[R:.*]] = "arith.sitofp"(%[[V]]) : (i32) -> f32
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: sym_name = "i32_to_f32"
"func.func"() ({
^bb0(%x: tensor<2x3xi32>):
  %0 = "nn.cast"(%x) : (tensor<2x3xi32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xi32>) -> tensor<2x3xf32>, sym_name = "i32_to_f32"} : () -> ()

// A bool converts as unsigned (true is 1.0, not -1.0): uitofp.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xi1>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xi1>) -> memref<2x3xi1>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xi1>, index, index) -> i1
// CHECK: %[[R:.*]] = "arith.uitofp"(%[[V]]) : (i1) -> f32
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: sym_name = "i1_to_f32"
"func.func"() ({
^bb0(%x: tensor<2x3xi1>):
  %0 = "nn.cast"(%x) : (tensor<2x3xi1>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xi1>) -> tensor<2x3xf32>, sym_name = "i1_to_f32"} : () -> ()

// Wider float: extf.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf64>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK: %[[R:.*]] = "arith.extf"(%[[V]]) : (f32) -> f64
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f64, memref<2x3xf64>, index, index) -> ()
// CHECK: sym_name = "f32_to_f64"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.cast"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf64>
  "func.return"(%0) : (tensor<2x3xf64>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf64>, sym_name = "f32_to_f64"} : () -> ()

// Narrower float: truncf.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf64>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xf64>) -> memref<2x3xf64>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xf64>, index, index) -> f64
// CHECK: %[[R:.*]] = "arith.truncf"(%[[V]]) : (f64) -> f32
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: sym_name = "f64_to_f32"
"func.func"() ({
^bb0(%x: tensor<2x3xf64>):
  %0 = "nn.cast"(%x) : (tensor<2x3xf64>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf64>) -> tensor<2x3xf32>, sym_name = "f64_to_f32"} : () -> ()

// Wider signed integer: extsi.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xi32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xi32>) -> memref<2x3xi32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xi64>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xi32>, index, index) -> i32
// CHECK: %[[R:.*]] = "arith.extsi"(%[[V]]) : (i32) -> i64
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (i64, memref<2x3xi64>, index, index) -> ()
// CHECK: sym_name = "i32_to_i64"
"func.func"() ({
^bb0(%x: tensor<2x3xi32>):
  %0 = "nn.cast"(%x) : (tensor<2x3xi32>) -> tensor<2x3xi64>
  "func.return"(%0) : (tensor<2x3xi64>) -> ()
}) {function_type = (tensor<2x3xi32>) -> tensor<2x3xi64>, sym_name = "i32_to_i64"} : () -> ()

// A bool widens with extui (true is 1).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xi1>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xi1>) -> memref<2x3xi1>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xi32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xi1>, index, index) -> i1
// CHECK: %[[R:.*]] = "arith.extui"(%[[V]]) : (i1) -> i32
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (i32, memref<2x3xi32>, index, index) -> ()
// CHECK: sym_name = "i1_to_i32"
"func.func"() ({
^bb0(%x: tensor<2x3xi1>):
  %0 = "nn.cast"(%x) : (tensor<2x3xi1>) -> tensor<2x3xi32>
  "func.return"(%0) : (tensor<2x3xi32>) -> ()
}) {function_type = (tensor<2x3xi1>) -> tensor<2x3xi32>, sym_name = "i1_to_i32"} : () -> ()

// Narrower integer: trunci.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xi64>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xi64>) -> memref<2x3xi64>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xi32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xi64>, index, index) -> i64
// CHECK: %[[R:.*]] = "arith.trunci"(%[[V]]) : (i64) -> i32
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (i32, memref<2x3xi32>, index, index) -> ()
// CHECK: sym_name = "i64_to_i32"
"func.func"() ({
^bb0(%x: tensor<2x3xi64>):
  %0 = "nn.cast"(%x) : (tensor<2x3xi64>) -> tensor<2x3xi32>
  "func.return"(%0) : (tensor<2x3xi32>) -> ()
}) {function_type = (tensor<2x3xi64>) -> tensor<2x3xi32>, sym_name = "i64_to_i32"} : () -> ()

// To bool: x != 0, with cmpf une (predicate 13) so that NaN is true, as in ONNX.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xi1>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK: %[[R:.*]] = "arith.cmpf"(%[[V]], %[[ZERO]]) {predicate = 13 : i64} : (f32, f32) -> i1
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (i1, memref<2x3xi1>, index, index) -> ()
// CHECK: sym_name = "f32_to_i1"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.cast"(%x) : (tensor<2x3xf32>) -> tensor<2x3xi1>
  "func.return"(%0) : (tensor<2x3xi1>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xi1>, sym_name = "f32_to_i1"} : () -> ()

// Integer to bool: cmpi ne (predicate 1) against 0.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xi32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xi32>) -> memref<2x3xi32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xi1>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xi32>, index, index) -> i32
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0 : i32}
// CHECK: %[[R:.*]] = "arith.cmpi"(%[[V]], %[[ZERO]]) {predicate = 1 : i64} : (i32, i32) -> i1
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (i1, memref<2x3xi1>, index, index) -> ()
// CHECK: sym_name = "i32_to_i1"
"func.func"() ({
^bb0(%x: tensor<2x3xi32>):
  %0 = "nn.cast"(%x) : (tensor<2x3xi32>) -> tensor<2x3xi1>
  "func.return"(%0) : (tensor<2x3xi1>) -> ()
}) {function_type = (tensor<2x3xi32>) -> tensor<2x3xi1>, sym_name = "i32_to_i1"} : () -> ()

// A cast to the same type stores the loaded element unchanged.
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
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK-NOT: "arith.
// CHECK: "memref.store"(%[[V]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: sym_name = "f32_to_f32"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.cast"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "f32_to_f32"} : () -> ()

// Negative integers: x - 4 (the interpreter's random integers are 0 to 7) converts with sitofp
// and extsi, which differ from uitofp and extui exactly there.
// CHECK-LABEL: "func.func"
// CHECK: "arith.subi"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: %[[V:.*]] = "memref.load"
// CHECK: "arith.sitofp"(%[[V]]) : (i32) -> f32
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: %[[W:.*]] = "memref.load"
// CHECK: "arith.extsi"(%[[W]]) : (i32) -> i64
// CHECK: sym_name = "negative_i32"
"func.func"() ({
^bb0(%x: tensor<2x3xi32>):
  %c = "nn.constant"() {value = dense<4> : tensor<i32>} : () -> tensor<i32>
  %n = "nn.sub"(%x, %c) : (tensor<2x3xi32>, tensor<i32>) -> tensor<2x3xi32>
  %0 = "nn.cast"(%n) : (tensor<2x3xi32>) -> tensor<2x3xf32>
  %1 = "nn.cast"(%n) : (tensor<2x3xi32>) -> tensor<2x3xi64>
  "func.return"(%0, %1) : (tensor<2x3xf32>, tensor<2x3xi64>) -> ()
}) {function_type = (tensor<2x3xi32>) -> (tensor<2x3xf32>, tensor<2x3xi64>), sym_name = "negative_i32"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xi32>) -> (), sym_name = "f32_to_i32"
// EQUIV: function_type = (memref<2x3xi32>, memref<2x3xf32>) -> (), sym_name = "i32_to_f32"
// EQUIV: function_type = (memref<2x3xi1>, memref<2x3xf32>) -> (), sym_name = "i1_to_f32"
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf64>) -> (), sym_name = "f32_to_f64"
// EQUIV: function_type = (memref<2x3xf64>, memref<2x3xf32>) -> (), sym_name = "f64_to_f32"
// EQUIV: function_type = (memref<2x3xi32>, memref<2x3xi64>) -> (), sym_name = "i32_to_i64"
// EQUIV: function_type = (memref<2x3xi1>, memref<2x3xi32>) -> (), sym_name = "i1_to_i32"
// EQUIV: function_type = (memref<2x3xi64>, memref<2x3xi32>) -> (), sym_name = "i64_to_i32"
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xi1>) -> (), sym_name = "f32_to_i1"
// EQUIV: function_type = (memref<2x3xi32>, memref<2x3xi1>) -> (), sym_name = "i32_to_i1"
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "f32_to_f32"
// EQUIV: function_type = (memref<2x3xi32>, memref<2x3xf32>, memref<2x3xi64>) -> (), sym_name = "negative_i32"
