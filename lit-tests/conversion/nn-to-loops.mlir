// RUN: %sol-opt -p convert-nn-to-loops,bufferize --split-input-file %s | FileCheck %s

// Element-wise ops with broadcasting: one loop nest each; the broadcast operand is indexed
// by the inner induction variable only. The intermediate is allocated and freed after its
// last use; the returned value is written into the caller's buffer (the last argument).
// CHECK: "func.func"
// CHECK: ^bb0(%[[X:.*]]: memref<2x3xf32>, %[[B:.*]]: memref<3xf32>, %[[OUT:.*]]: memref<2x3xf32>):
// CHECK: %[[T:.*]] = "memref.alloc"() {alignment = 64 : i64, operand_segment_sizes = array<i32: 0, 0>} : () -> memref<2x3xf32>
// CHECK: "scf.for"
// CHECK: ^bb0(%[[I:.*]]: index):
// CHECK: "scf.for"
// CHECK: ^bb0(%[[J:.*]]: index):
// CHECK: %[[A:.*]] = "memref.load"(%[[X]], %[[I]], %[[J]])
// CHECK: %[[C:.*]] = "memref.load"(%[[B]], %[[J]])
// CHECK: %[[S:.*]] = "arith.addf"(%[[A]], %[[C]])
// CHECK: "memref.store"(%[[S]], %[[T]], %[[I]], %[[J]])
// CHECK: "arith.select"
// CHECK: "memref.store"(%{{.*}}, %[[OUT]],
// CHECK: "memref.dealloc"(%[[T]])
// CHECK-NEXT: "func.return"() : () -> ()
// CHECK: function_type = (memref<2x3xf32>, memref<3xf32>, memref<2x3xf32>) -> ()
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<2x3xf32>, %b: tensor<3xf32>):
    %0 = "nn.add"(%x, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    %1 = "nn.relu"(%0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
    "func.return"(%1) : (tensor<2x3xf32>) -> ()
  }) {function_type = (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>, sym_name = "main"} : () -> ()
}) : () -> ()

// -----

// Constants become private memref.globals; a returned argument or constant is copied.
// CHECK: "memref.global"() {alignment = 64 : i64, constant, initial_value = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>, sym_name = "__constant_0", sym_visibility = "private", type = memref<2xf32>}
// CHECK: ^bb0(%[[X:.*]]: memref<2xf32>, %[[O0:.*]]: memref<2xf32>, %[[O1:.*]]: memref<2xf32>):
// CHECK: %[[G:.*]] = "memref.get_global"() {name = @__constant_0}
// CHECK: "memref.copy"(%[[X]], %[[O0]])
// CHECK: "memref.copy"(%[[G]], %[[O1]])
// CHECK: arg_attrs = [{onnx.name = "x"}, {onnx.name = "y"}, {}]
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<2xf32>):
    %c = "nn.constant"() {value = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
    "func.return"(%x, %c) : (tensor<2xf32>, tensor<2xf32>) -> ()
  }) {arg_attrs = [{onnx.name = "x"}], res_attrs = [{onnx.name = "y"}, {}], function_type = (tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>), sym_name = "main"} : () -> ()
}) : () -> ()

// -----

// A padded convolution: the output starts as the bias; then, for each output channel,
// input channel and kernel tap, one weight is loaded and the whole output plane is
// updated. Padding reads through clamped indices and selects zero, so the innermost loop
// has no branch.
// CHECK: "func.func"
// CHECK: %[[BIAS:.*]] = "memref.load"(%{{.*}}) : (memref<4xf32>, index) -> f32
// CHECK: "memref.store"(%[[BIAS]], %[[OUT:[a-z0-9]+]], %{{.*}}) : (f32, memref<1x4x5x5xf32>, index, index, index, index) -> ()
// CHECK: %[[W:.*]] = "memref.load"(%{{.*}}) : (memref<4x2x3x3xf32>, index, index, index, index) -> f32
// CHECK: "scf.for"
// CHECK: "arith.cmpi"(%{{.*}}) {predicate = 5 : i64}
// CHECK: "arith.cmpi"(%{{.*}}) {predicate = 2 : i64}
// CHECK: "arith.maxsi"
// CHECK: "arith.minsi"
// CHECK: %[[X:.*]] = "memref.load"(%{{.*}}) : (memref<1x2x5x5xf32>, index, index, index, index) -> f32
// CHECK: %[[P:.*]] = "arith.mulf"(%[[X]], %[[W]])
// CHECK: %[[S:.*]] = "arith.select"(%{{.*}}, %[[P]], %{{.*}})
// CHECK: %[[O:.*]] = "memref.load"(%[[OUT]],
// CHECK: %[[SUM:.*]] = "arith.addf"(%[[O]], %[[S]])
// CHECK: "memref.store"(%[[SUM]], %[[OUT]],
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x2x5x5xf32>, %w: tensor<4x2x3x3xf32>, %b: tensor<4xf32>):
    %0 = "nn.conv"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x5xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<1x4x5x5xf32>
    "func.return"(%0) : (tensor<1x4x5x5xf32>) -> ()
  }) {function_type = (tensor<1x2x5x5xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<1x4x5x5xf32>, sym_name = "main"} : () -> ()
}) : () -> ()

// -----

// Buffer reuse: %0 dies at %1 (used twice there, freed once), so %2 of the same type takes
// its buffer; %1 dies at %2 and no later temporary has its type, so it is freed at once.
// CHECK: "func.func"
// CHECK: %[[A:.*]] = "memref.alloc"() {{.*}} -> memref<4xf32>
// CHECK: "memref.store"(%{{.*}}, %[[A]], %{{.*}})
// CHECK: %[[B:.*]] = "memref.alloc"() {{.*}} -> memref<4xf32>
// CHECK: "memref.store"(%{{.*}}, %[[B]], %{{.*}})
// CHECK-NOT: "memref.alloc"
// CHECK: "memref.store"(%{{.*}}, %[[A]], %{{.*}})
// CHECK: "memref.dealloc"(%[[B]])
// CHECK-NOT: "memref.dealloc"
// CHECK: "memref.store"(%{{.*}}, %arg1, %{{.*}})
// CHECK: "memref.dealloc"(%[[A]])
// CHECK-NEXT: "func.return"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<4xf32>):
    %0 = "nn.exp"(%x) : (tensor<4xf32>) -> tensor<4xf32>
    %1 = "nn.add"(%0, %0) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
    %2 = "nn.neg"(%1) : (tensor<4xf32>) -> tensor<4xf32>
    %3 = "nn.sqrt"(%2) : (tensor<4xf32>) -> tensor<4xf32>
    "func.return"(%3) : (tensor<4xf32>) -> ()
  }) {function_type = (tensor<4xf32>) -> tensor<4xf32>, sym_name = "main"} : () -> ()
}) : () -> ()
