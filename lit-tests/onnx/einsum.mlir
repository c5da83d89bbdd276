// Einsum imports as transposes, reshapes, sums and one batched product per pair of operands.
// RUN: %sol-import %S/../../testdata/generated/op_einsum_attention_scores/model.onnx | FileCheck %s --check-prefix=SCORES
// RUN: %sol-import %S/../../testdata/generated/op_einsum_sum_before_product/model.onnx | FileCheck %s --check-prefix=SUM
// RUN: %sol-import %S/../../testdata/generated/op_einsum_transpose/model.onnx | FileCheck %s --check-prefix=TRANSPOSE

// "bhid,bhjd->bhij": b and h are the batch (2 x 3 = 6), i the rows, d contracted, j the
// columns; the constant second operand's transpose to [b, h, d, j] is folded at import.
// SCORES: ^bb0(%[[X:.*]]: tensor<2x3x5x4xf32>):
// SCORES: %[[A:.*]] = "nn.reshape"(%[[X]]) {shape = array<i64: 6, 5, 4>}
// SCORES: %[[P:.*]] = "nn.matmul"(%[[A]], %{{.*}}) : (tensor<6x5x4xf32>, tensor<6x4x6xf32>) -> tensor<6x5x6xf32>
// SCORES: %[[R:.*]] = "nn.reshape"(%[[P]]) {shape = array<i64: 2, 3, 5, 6>}
// SCORES: "func.return"(%[[R]])

// "bij,bjk->bk": i is in the first operand only and not in the output, so it is summed away
// before the product.
// SUM: %[[S:.*]] = "nn.reduce_sum"(%arg0) {axes = array<i64: 1>, keepdims = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
// SUM: "nn.matmul"({{.*}}) : (tensor<2x1x4xf32>, tensor<2x4x5xf32>) -> tensor<2x1x5xf32>

// One operand: a transpose.
// TRANSPOSE: "nn.transpose"(%arg0) {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x3x4x5xf32>) -> tensor<1x4x5x3xf32>
// TRANSPOSE-NOT: "nn.matmul"
