// Models that ask for absurd shapes or sizes are rejected with one line naming the file, the
// node or tensor and the limit, before anything big is allocated (Inputs/bad/make_models.py writes them).
// RUN: not %sol-import %S/Inputs/bad/reshape_overflow.onnx 2>&1 | FileCheck %s --check-prefix=RESHAPE
// RESHAPE: sol-import: error: {{.*}}reshape_overflow.onnx: node 'reshape' (Reshape): output #0 would have shape [4611686018427387905, 4], which has a dimension of 4611686018427387905, more than SOL's limit of 2147483647
// RUN: not %sol-run --backend=jit %S/Inputs/bad/reshape_overflow.onnx --input %S/Inputs/bad/x_1x1x4x4.pb 2>&1 | FileCheck %s --check-prefix=RESHAPE2
// RESHAPE2: sol-run: error: {{.*}}reshape_overflow.onnx: node 'reshape' (Reshape): output #0 would have shape [4611686018427387905, 4]
// RUN: not %sol-import %S/Inputs/bad/reshape_negative.onnx 2>&1 | FileCheck %s --check-prefix=RESHAPENEG
// RESHAPENEG: sol-import: error: {{.*}}reshape_negative.onnx: node 'reshape' (Reshape): shape entry 0 is -2; only -1 (inferred) may be negative

// RUN: not %sol-import %S/Inputs/bad/conv_transpose_pads.onnx 2>&1 | FileCheck %s --check-prefix=DECONV
// DECONV: sol-import: error: {{.*}}conv_transpose_pads.onnx: node 'deconv' (ConvTranspose): output #0 would have shape [1, 1, -5, -5], which has a negative dimension (-5)

// RUN: not %sol-import %S/Inputs/bad/constant_of_shape_2g.onnx 2>&1 | FileCheck %s --check-prefix=FILL
// FILL: sol-import: error: {{.*}}constant_of_shape_2g.onnx: node 'fill' (ConstantOfShape): the shape [2147483648] has a dimension of 2147483648, more than SOL's limit of 2147483647
// RUN: not %sol-import %S/Inputs/bad/constant_40gb.onnx 2>&1 | FileCheck %s --check-prefix=BIGCONST
// BIGCONST: sol-import: error: {{.*}}constant_40gb.onnx: tensor 'w' of shape [10, 1073741824] has 10737418240 elements, more than SOL's limit of 2147483647
// RUN: not %sol-run --backend=jit %S/Inputs/bad/constant_40gb.onnx 2>&1 | FileCheck %s --check-prefix=BIGCONST2
// BIGCONST2: sol-run: error: {{.*}}constant_40gb.onnx: tensor 'w' of shape [10, 1073741824] has 10737418240 elements, more than SOL's limit of 2147483647
// RUN: not %sol-import %S/Inputs/bad/constant_min_dim.onnx 2>&1 | FileCheck %s --check-prefix=MINDIM
// MINDIM: sol-import: error: {{.*}}constant_min_dim.onnx: tensor 'w' of shape [10, -9223372036854775808] has a negative dimension (-9223372036854775808)

// RUN: not %sol-import %S/Inputs/bad/input_2e36.onnx 2>&1 | FileCheck %s --check-prefix=BIGIN
// BIGIN: sol-import: error: {{.*}}input_2e36.onnx: graph input 'x' of shape [65536, 1048576] has 68719476736 elements, more than SOL's limit of 2147483647
// RUN: not %sol-run --backend=jit %S/Inputs/bad/input_2e36.onnx 2>&1 | FileCheck %s --check-prefix=BIGIN2
// BIGIN2: sol-run: error: {{.*}}input_2e36.onnx: graph input 'x' of shape [65536, 1048576] has 68719476736 elements
// RUN: not %sol-import %S/Inputs/bad/input_negative.onnx 2>&1 | FileCheck %s --check-prefix=NEGIN
// NEGIN: sol-import: error: {{.*}}input_negative.onnx: graph input 'x' of shape [1, -1] has a negative dimension (-1)

// Split's outputs are bounded, whether named or counted by num_outputs:
// RUN: not %sol-import %S/Inputs/bad/split_5000.onnx 2>&1 | FileCheck %s --check-prefix=SPLIT
// SPLIT: sol-import: error: {{.*}}split_5000.onnx: node 'split' (Split): cannot split into 5000 outputs (at most 4096)
// RUN: not %sol-import %S/Inputs/bad/split_million.onnx 2>&1 | FileCheck %s --check-prefix=SPLITN
// SPLITN: sol-import: error: {{.*}}split_million.onnx: node 'split' (Split): cannot split into 1000000 outputs (at most 4096)

// A 99999x99999 window with SAME padding covers the whole 4x4 input at every position: it
// shrinks to the taps that can meet the input (7x7, pads 3), and runs at once with the same result.
// RUN: %sol-import %S/Inputs/bad/pool_huge_window.onnx | FileCheck %s --check-prefix=POOL
// POOL: "nn.max_pool"(%arg0) {ceil_mode = 0 : i64, count_include_pad = 0 : i64, dilations = array<i64: 1, 1>, kernel_shape = array<i64: 7, 7>, pads = array<i64: 3, 3, 3, 3>, strides = array<i64: 1, 1>} : (tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
// RUN: %sol-run %S/Inputs/bad/pool_huge_window.onnx --input %S/Inputs/bad/x_1x1x4x4.pb | FileCheck %s --check-prefix=POOLOUT
// POOLOUT: output #0 y: tensor<1x1x4x4xf32> [15.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0, 15.0, ...]
// An average that counts the padding would change if trimmed; so large a window is refused:
// RUN: not %sol-import %S/Inputs/bad/avg_pool_huge_window.onnx 2>&1 | FileCheck %s --check-prefix=AVG
// AVG: sol-import: error: {{.*}}avg_pool_huge_window.onnx: node 'pool' (AveragePool): the window of 9999800001 taps is larger than the input (16 positions) and SOL's limit of 16777216

// Einsum that SOL does not import says what it cannot do, naming the node:
// RUN: not %sol-import %S/Inputs/bad/einsum_diagonal.onnx 2>&1 | FileCheck %s --check-prefix=EINSUMDIAG
// EINSUMDIAG: sol-import: error: {{.*}}einsum_diagonal.onnx: node 'einsum' (Einsum): operand #0 repeats index 'i' (a diagonal or trace), which is not supported
// RUN: not %sol-import %S/Inputs/bad/einsum_sizes.onnx 2>&1 | FileCheck %s --check-prefix=EINSUMSIZES
// EINSUMSIZES: sol-import: error: {{.*}}einsum_sizes.onnx: node 'einsum' (Einsum): index 'j' has size 3 in operand #0 and 4 in another; only a size of 1 broadcasts
// RUN: not %sol-import %S/Inputs/bad/einsum_no_output_ellipsis.onnx 2>&1 | FileCheck %s --check-prefix=EINSUMELL
// EINSUMELL: sol-import: error: {{.*}}einsum_no_output_ellipsis.onnx: node 'einsum' (Einsum): equation '...ij->ij' has '...' in its operands but not in its output
// RUN: not %sol-import %S/Inputs/bad/einsum_operands.onnx 2>&1 | FileCheck %s --check-prefix=EINSUMOPS
// EINSUMOPS: sol-import: error: {{.*}}einsum_operands.onnx: node 'einsum' (Einsum): equation 'ij,jk->ik' names 2 operands, the node has 1 input

// CumSum copies each row once per output, refused past 2^24 elements in all:
// RUN: not %sol-import %S/Inputs/bad/cumsum_long.onnx 2>&1 | FileCheck %s --check-prefix=CUMSUM
// CUMSUM: sol-import: error: {{.*}}cumsum_long.onnx: node 'cumsum' (CumSum): a running sum over 5000 elements in 1 rows needs 25000000 elements, more than SOL's limit of 16777216
// RUN: not %sol-import %S/Inputs/bad/and_floats.onnx 2>&1 | FileCheck %s --check-prefix=ANDF
// ANDF: sol-import: error: {{.*}}and_floats.onnx: node 'and' (And): operand #0 must hold i1 elements, got f32
// RUN: not %sol-import %S/Inputs/bad/less_mixed.onnx 2>&1 | FileCheck %s --check-prefix=LESSMIX
// LESSMIX: sol-import: error: {{.*}}less_mixed.onnx: node 'less' (Less): operand #1 has i64 elements, operand #0 f32 elements
// RUN: not %sol-import %S/Inputs/bad/trilu_rank1.onnx 2>&1 | FileCheck %s --check-prefix=TRILU
// TRILU: sol-import: error: {{.*}}trilu_rank1.onnx: node 'trilu' (Trilu): expects a tensor of rank 2 or more, got rank 1
// RUN: not %sol-import %S/Inputs/bad/isnan_int.onnx 2>&1 | FileCheck %s --check-prefix=ISNAN
// ISNAN: sol-import: error: {{.*}}isnan_int.onnx: node 'isnan' (IsNaN): expects a floating-point input, got tensor<4xi32>
// RUN: not %sol-import %S/Inputs/bad/onehot_depth0.onnx 2>&1 | FileCheck %s --check-prefix=ONEHOT
// ONEHOT: sol-import: error: {{.*}}onehot_depth0.onnx: node 'onehot' (OneHot): depth must be at least 1, got 0
// RUN: not %sol-import %S/Inputs/bad/hardmax_int.onnx 2>&1 | FileCheck %s --check-prefix=HARDMAX
// HARDMAX: sol-import: error: {{.*}}hardmax_int.onnx: node 'hardmax' (Hardmax): expects a floating-point input, got tensor<2x3xi32>
