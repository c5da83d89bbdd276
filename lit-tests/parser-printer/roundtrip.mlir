// Generic-form features round-trip; the expected text is what mlir-opt-16 prints.
// RUN: %sol-opt --allow-unregistered-dialect %s | FileCheck %s
// Printing is a fixpoint: the output parses back to the same text.
// RUN: %sol-opt --allow-unregistered-dialect %s > %t.1.mlir
// RUN: %sol-opt --allow-unregistered-dialect %t.1.mlir > %t.2.mlir
// RUN: diff %t.1.mlir %t.2.mlir

// CHECK: #map = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-NEXT: #map1 = affine_map<(d0)[s0] -> (d0 * 4 + s0 - 1)>
// CHECK-NEXT: "builtin.module"() ({
// CHECK-NEXT: "func.func"() ({
// CHECK-NEXT: ^bb0(%arg0: tensor<1x3xf32>, %arg1: memref<3x3xf32, #map>):
// CHECK-NEXT: %0 = "nn.relu"(%arg0) : (tensor<1x3xf32>) -> tensor<1x3xf32>
// CHECK-NEXT: %1:2 = "nn.split"(%0) {axis = 1 : i64} : (tensor<1x3xf32>) -> (tensor<1x1xf32>, tensor<1x2xf32>)
// CHECK-NEXT: %2 = "nn.concat"(%1#1, %1#0) {axis = 1 : i64} : (tensor<1x2xf32>, tensor<1x1xf32>) -> tensor<1x3xf32>
// CHECK-NEXT: %3 = "test.props"() {a = 1 : i32, b = "x"} : () -> i32
// CHECK-NEXT: %4:10 = "test.types"() : () -> (i1, si8, ui16, index, bf16, f16, f64, none, complex<f32>, tuple<i32, f32>)
// CHECK-NEXT: %5:8 = "test.shaped"() : () -> (tensor<?x4xf32>, tensor<*xi8>, tensor<0xf32>, memref<4xf32, 1>, memref<*xf32>, memref<?x?xf32, strided<[?, 1], offset: ?>>, vector<2x4xf16>, !llvm.ptr<i8>)
// CHECK-NEXT: "test.attrs"() {arr = [1, "two", [3.000000e+00 : f32]], darr = array<i64: 1, -2>, dialect = #arith.fastmath<fast>, dict = {k}, fn = (i32, f32) -> (i64, i1), map = #map1, sym = @outer::@inner, u, "weird key" = "a\0Ab\22c"} : () -> ()
// CHECK-NEXT: "test.regions"() ({
// CHECK-NEXT: %6 = "test.inner"(%0) : (tensor<1x3xf32>) -> i32
// CHECK-NEXT: "test.br"()[^bb1] : () -> ()
// CHECK-NEXT: ^bb1:  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT: "test.cond_br"(%6)[^bb1, ^bb2] : (i32) -> ()
// CHECK-NEXT: ^bb2:  // pred: ^bb1
// CHECK-NEXT: "test.end"() : () -> ()
// CHECK-NEXT: }, {
// CHECK-NEXT: ^bb0:
// CHECK-NEXT: }) : () -> ()
// CHECK-NEXT: "func.return"(%2) : (tensor<1x3xf32>) -> ()
// CHECK-NEXT: }) {function_type = (tensor<1x3xf32>, memref<3x3xf32, #map>) -> tensor<1x3xf32>, sym_name = "main"} : () -> ()
// CHECK-NEXT: }) : () -> ()

!ty = tensor<1x3xf32>
#perm = affine_map<(d0, d1) -> (d1, d0)>

"builtin.module"() ({
  "func.func"() ({
  ^entry(%x: !ty, %m: memref<3x3xf32, #perm>):
    %r = "nn.relu"(%x) : (!ty) -> !ty
    %s:2 = "nn.split"(%r) {axis = 1 : i64} : (!ty) -> (tensor<1x1xf32>, tensor<1x2xf32>)
    %c = "nn.concat"(%s#1, %s#0) {axis = 1 : i64} : (tensor<1x2xf32>, tensor<1x1xf32>) -> !ty
    %p = "test.props"() {a = 1 : i32, b = "x"} : () -> i32
    %t:10 = "test.types"() : () -> (i1, si8, ui16, index, bf16, f16, f64, none, complex<f32>, tuple<i32, f32>)
    %u:8 = "test.shaped"() : () -> (tensor<?x4xf32>, tensor<*xi8>, tensor<0xf32>, memref<4xf32, 1>, memref<*xf32>, memref<?x?xf32, strided<[?, 1], offset: ?>>, vector<2x4xf16>, !llvm.ptr<i8>)
    "test.attrs"() {u, dict = {k}, arr = [1, "two", [3.0 : f32]], darr = array<i64: 1, -2>, map = affine_map<(i)[s] -> (i * 4 + s - 1)>, sym = @outer::@inner, fn = (i32, f32) -> (i64, i1), dialect = #arith.fastmath<fast>, "weird key" = "a\nb\"c"} : () -> ()
    "test.regions"() ({
      %i = "test.inner"(%r) : (!ty) -> i32
      "test.br"()[^loop] : () -> ()
    ^loop:
      "test.cond_br"(%i)[^loop, ^exit] : (i32) -> ()
    ^exit:
      "test.end"() : () -> ()
    }, {
    ^empty:
    }) : () -> ()
    "func.return"(%c) : (!ty) -> ()
  }) {function_type = (!ty, memref<3x3xf32, #perm>) -> !ty, sym_name = "main"} : () -> ()
}) : () -> ()
