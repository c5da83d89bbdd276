// Attributes written wrong in an ONNX model stop the import with the nn verifier's message,
// naming the node (Inputs/bad/make_models.py writes the models).
// RUN: not %sol-import %S/Inputs/bad/resize_bad_mode.onnx 2>&1 | FileCheck %s --check-prefix=RESIZE
// RESIZE: sol-import: error: {{.*}}resize_bad_mode.onnx: node 'resize' (Resize): mode must be one of nearest, linear, cubic, got 'bicubic'
// RUN: not %sol-import %S/Inputs/bad/lrn_size0.onnx 2>&1 | FileCheck %s --check-prefix=LRN
// LRN: sol-import: error: {{.*}}lrn_size0.onnx: node 'lrn' (LRN): size must be at least 1, got 0
// RUN: not %sol-import %S/Inputs/bad/gather_index_oob.onnx 2>&1 | FileCheck %s --check-prefix=GATHER
// GATHER: sol-import: error: {{.*}}gather_index_oob.onnx: node 'gather' (Gather): index 5 is out of range for an axis of length 5
// RUN: not %sol-run --backend=jit %S/Inputs/bad/gather_index_oob.onnx 2>&1 | FileCheck %s --check-prefix=GATHERJIT
// GATHERJIT: sol-run: error: {{.*}}gather_index_oob.onnx: node 'gather' (Gather): index 5 is out of range for an axis of length 5
// RUN: not %sol-import %S/Inputs/bad/softmax_axis.onnx 2>&1 | FileCheck %s --check-prefix=SOFTMAX
// SOFTMAX: sol-import: error: {{.*}}softmax_axis.onnx: node 'softmax' (Softmax): axis 7 is out of range for rank 2
// RUN: not %sol-import %S/Inputs/bad/add_mixed_types.onnx 2>&1 | FileCheck %s --check-prefix=ADD
// ADD: sol-import: error: {{.*}}add_mixed_types.onnx: node 'add' (Add): operand #1 has i64 elements, operand #0 f32 elements
// RUN: not %sol-import %S/Inputs/bad/pad_bad_mode.onnx 2>&1 | FileCheck %s --check-prefix=PAD
// PAD: sol-import: error: {{.*}}pad_bad_mode.onnx: node 'pad' (Pad): unknown mode 'mirror'
// RUN: not %sol-import %S/Inputs/bad/reduce_twice.onnx 2>&1 | FileCheck %s --check-prefix=REDUCE
// REDUCE: sol-import: error: {{.*}}reduce_twice.onnx: node 'sum' (ReduceSum): axes name dimension 1 twice: [1, -1]
// RUN: not %sol-import %S/Inputs/bad/transpose_bad_perm.onnx 2>&1 | FileCheck %s --check-prefix=PERM
// PERM: sol-import: error: {{.*}}transpose_bad_perm.onnx: node 'transpose' (Transpose): perm is not a permutation
// RUN: not %sol-import %S/Inputs/bad/mean_int.onnx 2>&1 | FileCheck %s --check-prefix=MEAN
// MEAN: sol-import: error: {{.*}}mean_int.onnx: node 'mean' (Mean): expects a floating-point input, got tensor<2xi64>
// Recurrent nodes: the checks of the unrolling import (RecurrentOps).
// RUN: not %sol-import %S/Inputs/bad/lstm_bad_w.onnx 2>&1 | FileCheck %s --check-prefix=LSTMW
// LSTMW: sol-import: error: {{.*}}lstm_bad_w.onnx: node 'lstm' (LSTM): W has shape [1, 8, 5], expected [1, 8, 4]
// RUN: not %sol-import %S/Inputs/bad/lstm_bad_activation.onnx 2>&1 | FileCheck %s --check-prefix=LSTMACT
// LSTMACT: sol-import: error: {{.*}}lstm_bad_activation.onnx: node 'lstm' (LSTM): activation 'Elu' is not supported
// RUN: not %sol-import %S/Inputs/bad/lstm_short_sequence.onnx 2>&1 | FileCheck %s --check-prefix=LSTMLEN
// LSTMLEN: sol-import: error: {{.*}}lstm_short_sequence.onnx: node 'lstm' (LSTM): sequence_lens entry 1 is 2, shorter than the sequence (3); only full-length sequences are supported
// RUN: not %sol-import %S/Inputs/bad/lstm_unknown_length.onnx 2>&1 | FileCheck %s --check-prefix=LSTMDYN
// LSTMDYN: sol-import: error: {{.*}}lstm_unknown_length.onnx: graph input 'x' has symbolic dimension 't'; give its shape with --shape
// RUN: not %sol-import %S/Inputs/bad/lstm_too_long.onnx 2>&1 | FileCheck %s --check-prefix=LSTMLONG
// LSTMLONG: sol-import: error: {{.*}}lstm_too_long.onnx: node 'lstm' (LSTM): a sequence of 5000 steps is more than the 4096 steps SOL unrolls
// RUN: not %sol-import %S/Inputs/bad/rms_stash_f16.onnx 2>&1 | FileCheck %s --check-prefix=RMS
// RMS: sol-import: error: {{.*}}rms_stash_f16.onnx: node 'rms' (RMSNormalization): stash_type 10 is not supported (only 1, float)
// RUN: not %sol-import %S/Inputs/bad/gathernd_out_of_range.onnx 2>&1 | FileCheck %s --check-prefix=GNDRANGE
// GNDRANGE: sol-import: error: {{.*}}gathernd_out_of_range.onnx: node 'gathernd' (GatherND): index 4 is out of range for an axis of 3
// RUN: not %sol-import %S/Inputs/bad/gathernd_batch_dims.onnx 2>&1 | FileCheck %s --check-prefix=GNDBATCH
// GNDBATCH: sol-import: error: {{.*}}gathernd_batch_dims.onnx: node 'gathernd' (GatherND): batch_dims 1 must be below the ranks of the data (2) and the indices (1)
// RUN: not %sol-import %S/Inputs/bad/maxpool_storage_order.onnx 2>&1 | FileCheck %s --check-prefix=STORAGE
// STORAGE: sol-import: error: {{.*}}maxpool_storage_order.onnx: node 'pool' (MaxPool): storage_order must be 0 (row-major) or 1 (column-major), got 2
// RUN: not %sol-import %S/Inputs/bad/averagepool_two_outputs.onnx 2>&1 | FileCheck %s --check-prefix=AVGTWO
// AVGTWO: sol-import: error: {{.*}}averagepool_two_outputs.onnx: node 'pool' (AveragePool): has a second output; only MaxPool has one (Indices)
// RUN: not %sol-import %S/Inputs/bad/center_crop_pad_shape.onnx 2>&1 | FileCheck %s --check-prefix=CROPSHAPE
// CROPSHAPE: sol-import: error: {{.*}}center_crop_pad_shape.onnx: node 'crop' (CenterCropPad): the shape has 2 entries for 3 axes
// RUN: not %sol-import %S/Inputs/bad/center_crop_pad_twice.onnx 2>&1 | FileCheck %s --check-prefix=CROPTWICE
// CROPTWICE: sol-import: error: {{.*}}center_crop_pad_twice.onnx: node 'crop' (CenterCropPad): axis 1 appears twice in axes
// RUN: not %sol-import %S/Inputs/bad/rotary_no_heads.onnx 2>&1 | FileCheck %s --check-prefix=ROPEHEADS
// ROPEHEADS: sol-import: error: {{.*}}rotary_no_heads.onnx: node 'rope' (RotaryEmbedding): a 3-D input needs num_heads dividing its 8 features, got 0
// RUN: not %sol-import %S/Inputs/bad/rotary_odd_dim.onnx 2>&1 | FileCheck %s --check-prefix=ROPEDIM
// ROPEDIM: sol-import: error: {{.*}}rotary_odd_dim.onnx: node 'rope' (RotaryEmbedding): rotary_embedding_dim 5 must be even and at most the head size 8
// RUN: not %sol-import %S/Inputs/bad/scatter_elements_updates.onnx 2>&1 | FileCheck %s --check-prefix=SCATTERUPD
// SCATTERUPD: sol-import: error: {{.*}}scatter_elements_updates.onnx: node 'scatter' (ScatterElements): the indices [2, 2] and the updates [2, 1] must have one shape, of the data's rank 2
// RUN: not %sol-import %S/Inputs/bad/scatter_elements_long.onnx 2>&1 | FileCheck %s --check-prefix=SCATTERLONG
// SCATTERLONG: sol-import: error: {{.*}}scatter_elements_long.onnx: node 'scatter' (ScatterElements): the indices are 3 long on axis 0, longer than the data's 2
// RUN: not %sol-import %S/Inputs/bad/slice_short_steps.onnx 2>&1 | FileCheck %s --check-prefix=SLICESTEPS
// SLICESTEPS: sol-import: error: {{.*}}slice_short_steps.onnx: node 'slice' (Slice): steps must have one entry per start (1 for 2)
// RUN: not %sol-import %S/Inputs/bad/slice_many_starts.onnx 2>&1 | FileCheck %s --check-prefix=SLICESTARTS
// SLICESTARTS: sol-import: error: {{.*}}slice_many_starts.onnx: node 'slice' (Slice): 3 starts for an input of rank 2
// RUN: not %sol-import %S/Inputs/bad/dropout_training.onnx 2>&1 | FileCheck %s --check-prefix=DROPOUT
// DROPOUT: sol-import: error: {{.*}}dropout_training.onnx: node 'dropout' (Dropout): training mode with ratio 0.25 is not supported (it drops elements at random; inference only)
