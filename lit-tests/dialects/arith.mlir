// Valid arith ops verify and print unchanged.
// RUN: %sol-opt %s | FileCheck %s
// RUN: %sol-opt %s | %sol-opt | FileCheck %s

// CHECK-LABEL: "func.func"
"func.func"() ({
^bb0(%i: i32, %j: i32, %x: f32, %y: f32, %n: index, %v: vector<4xf32>, %t: tensor<2xi32>):
  // CHECK: "arith.constant"() {value = 42 : i32} : () -> i32
  %c = "arith.constant"() {value = 42 : i32} : () -> i32
  // CHECK: "arith.constant"() {value = dense<1.000000e+00> : vector<4xf32>} : () -> vector<4xf32>
  %cv = "arith.constant"() {value = dense<1.0> : vector<4xf32>} : () -> vector<4xf32>
  // CHECK: "arith.addi"
  %0 = "arith.addi"(%i, %j) : (i32, i32) -> i32
  %1 = "arith.subi"(%0, %c) : (i32, i32) -> i32
  %2 = "arith.muli"(%1, %1) : (i32, i32) -> i32
  %3 = "arith.divsi"(%2, %j) : (i32, i32) -> i32
  %4 = "arith.remsi"(%3, %j) : (i32, i32) -> i32
  %5 = "arith.divui"(%4, %j) : (i32, i32) -> i32
  %6 = "arith.addi"(%t, %t) : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  // CHECK: "arith.addf"
  %7 = "arith.addf"(%x, %y) : (f32, f32) -> f32
  %8 = "arith.subf"(%7, %y) : (f32, f32) -> f32
  %9 = "arith.mulf"(%8, %y) {fastmath = #arith.fastmath<fast>} : (f32, f32) -> f32
  %10 = "arith.divf"(%9, %y) : (f32, f32) -> f32
  %11 = "arith.remf"(%10, %y) : (f32, f32) -> f32
  %12 = "arith.maxf"(%11, %y) : (f32, f32) -> f32
  %13 = "arith.minf"(%12, %y) : (f32, f32) -> f32
  %14 = "arith.negf"(%13) : (f32) -> f32
  %15 = "arith.addf"(%v, %cv) : (vector<4xf32>, vector<4xf32>) -> vector<4xf32>
  // CHECK: "arith.cmpi"(%{{.*}}, %{{.*}}) {predicate = 2 : i64} : (i32, i32) -> i1
  %16 = "arith.cmpi"(%i, %j) {predicate = 2 : i64} : (i32, i32) -> i1
  %17 = "arith.cmpf"(%x, %y) {predicate = 4 : i64} : (f32, f32) -> i1
  %18 = "arith.cmpf"(%v, %v) {predicate = 1 : i64} : (vector<4xf32>, vector<4xf32>) -> vector<4xi1>
  // CHECK: "arith.select"
  %19 = "arith.select"(%16, %x, %y) : (i1, f32, f32) -> f32
  %20 = "arith.select"(%18, %v, %cv) : (vector<4xi1>, vector<4xf32>, vector<4xf32>) -> vector<4xf32>
  // CHECK: "arith.index_cast"
  %21 = "arith.index_cast"(%n) : (index) -> i64
  %22 = "arith.index_cast"(%i) : (i32) -> index
  %23 = "arith.sitofp"(%i) : (i32) -> f32
  %24 = "arith.fptosi"(%x) : (f32) -> i32
  %25 = "arith.extf"(%x) : (f32) -> f64
  %26 = "arith.truncf"(%25) : (f64) -> f16
  %27 = "arith.bitcast"(%x) : (f32) -> i32
  %28 = "arith.extsi"(%i) : (i32) -> i64
  %29 = "arith.trunci"(%i) : (i32) -> i8
  %30 = "arith.uitofp"(%i) : (i32) -> f64
  %31 = "arith.andi"(%i, %j) : (i32, i32) -> i32
  %32 = "arith.shrsi"(%i, %j) : (i32, i32) -> i32
  %33 = "arith.maxsi"(%i, %j) : (i32, i32) -> i32
  "func.return"() : () -> ()
}) {function_type = (i32, i32, f32, f32, index, vector<4xf32>, tensor<2xi32>) -> (), sym_name = "arith_ops"} : () -> ()
