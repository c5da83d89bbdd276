// CenterCropPad, RotaryEmbedding and ScatterElements import as compositions of nn ops.
//
// CenterCropPad of 2 x 7 x 6 to 4 x 5 x 9: the first axis padded by 1 and 1, the second cut to
// its middle 5 (from 1), the third padded by 1 before and 2 after (an odd difference puts the
// extra element at the end).
// RUN: %sol-import %S/../../testdata/generated/op_center_crop_pad_crop_and_pad/model.onnx | FileCheck %s --check-prefix=CROP
// CROP: %[[CUT:.*]] = "nn.slice"(%arg0) {ends = array<i64: 2, 6, 6>, starts = array<i64: 0, 1, 0>, steps = array<i64: 1, 1, 1>}
// CROP: %[[Y:.*]] = "nn.pad"(%[[CUT]]) {mode = "constant", pads = array<i64: 1, 0, 1, 1, 0, 2>
// CROP: "func.return"(%[[Y]])
//
// RotaryEmbedding, interleaved, of a 2 x 3 x 5 x 8 input (batch, heads, sequence, head size) with
// caches gathered at position ids (folded here, as the ids are constants): the head dimension
// moves inside, the even and odd features are rotated as pairs and interleaved back, and the
// result goes back to the input's layout.
// RUN: %sol-import %S/../../testdata/generated/op_rotary_embedding_interleaved/model.onnx | FileCheck %s --check-prefix=ROPE
// ROPE: %[[V:.*]] = "nn.transpose"(%arg0) {perm = array<i64: 0, 2, 1, 3>}
// ROPE: "nn.constant"() {{.*}} : () -> tensor<2x5x1x4xf32>
// ROPE: %[[X1:.*]] = "nn.slice"(%[[V]]) {ends = array<i64: 2, 5, 3, 8>, starts = array<i64: 0, 0, 0, 0>, steps = array<i64: 1, 1, 1, 2>}
// ROPE: %[[X2:.*]] = "nn.slice"(%[[V]]) {ends = array<i64: 2, 5, 3, 8>, starts = array<i64: 0, 0, 0, 1>, steps = array<i64: 1, 1, 1, 2>}
// ROPE: "nn.sub"
// ROPE: "nn.add"
// ROPE: %[[PAIRS:.*]] = "nn.concat"(%{{.*}}, %{{.*}}) {axis = 4 : i64} : (tensor<2x5x3x4x1xf32>, tensor<2x5x3x4x1xf32>) -> tensor<2x5x3x4x2xf32>
// ROPE: %[[R:.*]] = "nn.reshape"(%[[PAIRS]]) {shape = array<i64: 2, 5, 3, 8>}
// ROPE: %[[Y:.*]] = "nn.transpose"(%[[R]]) {perm = array<i64: 0, 2, 1, 3>}
// ROPE: "func.return"(%[[Y]])
//
// ScatterElements along axis 1 of a 2 x 4 tensor, indices given at run time: negative indices
// wrapped by the axis length, the row of each index a constant grid beside it, the two stacked
// into full tuples for nn.scatter_nd.
// RUN: %sol-import %S/../../testdata/generated/op_scatter_elements_runtime_indices/model.onnx | FileCheck %s --check-prefix=SCATTER
// SCATTER: %[[NEG:.*]] = "nn.compare"(%arg0, %{{.*}}) {predicate = "lt"}
// SCATTER: %[[UP:.*]] = "nn.add"(%arg0, %{{.*}})
// SCATTER: %[[IDX:.*]] = "nn.where"(%[[NEG]], %[[UP]], %arg0)
// SCATTER: %[[ROWS:.*]] = "nn.constant"() {value = dense<{{\[\[\[}}0], [0]], {{\[\[}}1], [1]]]> : tensor<2x2x1xi64>}
// SCATTER: %[[COL:.*]] = "nn.reshape"(%[[IDX]]) {shape = array<i64: 2, 2, 1>}
// SCATTER: %[[T:.*]] = "nn.concat"(%[[ROWS]], %[[COL]]) {axis = 2 : i64}
// SCATTER: "nn.scatter_nd"(%{{.*}}, %[[T]], %{{.*}}) {reduction = "none"} : (tensor<2x4xf32>, tensor<2x2x2xi64>, tensor<2x2xf32>) -> tensor<2x4xf32>
