#!/usr/bin/env python3
"""Writes the malformed ONNX models that lit-tests/onnx/bad-models.mlir feeds to the tools.
Each asks for something absurd (overflowing or negative shapes, huge constants, a million
outputs); the tools must reject every one with a clear message. Also writes an input for
pool_huge_window and ../symbolic_case, a backend-test case folder whose model has a symbolic
dimension (lit-tests/onnx/run-mistakes.mlir). Run once (needs numpy and onnx); the files are
committed so that the tests never need Python."""
import os
import numpy as np
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))


def save(name, nodes, inputs, outputs, initializers=(), opset=13, path=None):
    graph = helper.make_graph(nodes, name, inputs, outputs, list(initializers))
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], producer_name="sol-test")
    with open(path or os.path.join(HERE, name + ".onnx"), "wb") as f:
        f.write(model.SerializeToString())


def save_pb(path, array, name):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(numpy_helper.from_array(array, name).SerializeToString())


def tensor(name, dims, elem=TensorProto.FLOAT):
    return helper.make_tensor_value_info(name, elem, dims)


def ints(name, values):
    return helper.make_tensor(name, TensorProto.INT64, [len(values)], values)


def ints2(name, rows):
    return helper.make_tensor(name, TensorProto.INT64, [len(rows), len(rows[0])], [v for r in rows for v in r])


# Reshape of one byte to [2^62 + 1, 4]: the element count wraps to 4 in 64 bits.
save("reshape_overflow", [helper.make_node("Reshape", ["x", "shape"], ["y"], name="reshape")],
     [tensor("x", [4], TensorProto.UINT8)], [tensor("y", None, TensorProto.UINT8)],
     [ints("shape", [4611686018427387905, 4])])
# Reshape to a negative dimension other than -1.
save("reshape_negative", [helper.make_node("Reshape", ["x", "shape"], ["y"], name="reshape")],
     [tensor("x", [4])], [tensor("y", None)], [ints("shape", [-2, -2])])
# ConstantOfShape of 2^31 elements, and of 10 x 2^30 float elements (40 GiB).
save("constant_of_shape_2g", [helper.make_node("ConstantOfShape", ["shape"], ["y"], name="fill")],
     [], [tensor("y", None)], [ints("shape", [2147483648])])
# An initializer declaring 10 x 2^30 floats (40 GiB) with no data.
big = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[10, 1073741824])
save("constant_40gb", [helper.make_node("Add", ["x", "w"], ["y"], name="add")],
     [tensor("x", [1])], [tensor("y", None)], [big])
# An initializer whose dimension is -2^63 (what SOL's types take for a dynamic one), found by the fuzzer.
odd = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[10, -9223372036854775808])
save("constant_min_dim", [helper.make_node("Add", ["x", "w"], ["y"], name="add")],
     [tensor("x", [1])], [tensor("y", None)], [odd])
# A graph input of 2^36 elements.
save("input_2e36", [helper.make_node("Relu", ["x"], ["y"], name="relu")],
     [tensor("x", [65536, 1048576])], [tensor("y", None)])
# A graph input with a negative dimension.
save("input_negative", [helper.make_node("Relu", ["x"], ["y"], name="relu")],
     [tensor("x", [1, -1])], [tensor("y", None)])
# ConvTranspose whose pads exceed the output: a negative result dimension.
w = helper.make_tensor("w", TensorProto.FLOAT, [1, 1, 1, 1], [1.0])
save("conv_transpose_pads", [helper.make_node("ConvTranspose", ["x", "w"], ["y"], name="deconv", pads=[3, 3, 3, 3])],
     [tensor("x", [1, 1, 1, 1])], [tensor("y", None)], [w])
# Split into 5000 named outputs, and into a million by num_outputs (opset 18).
outs = ["y%d" % i for i in range(5000)]
save("split_5000", [helper.make_node("Split", ["x"], outs, name="split", axis=0)],
     [tensor("x", [4])], [tensor("y0", None)])
save("split_million", [helper.make_node("Split", ["x"], ["y0", "y1"], name="split", axis=0, num_outputs=1000000)],
     [tensor("x", [4])], [tensor("y0", None)], opset=18)
# A 99999 x 99999 pooling window with SAME padding on a 4x4 image.
save("pool_huge_window", [helper.make_node("MaxPool", ["x"], ["y"], name="pool", kernel_shape=[99999, 99999], auto_pad="SAME_UPPER")],
     [tensor("x", [1, 1, 4, 4])], [tensor("y", None)])
# The same window for an average that counts padding, which cannot be trimmed.
save("avg_pool_huge_window", [helper.make_node("AveragePool", ["x"], ["y"], name="pool", kernel_shape=[99999, 99999],
                                               auto_pad="SAME_UPPER", count_include_pad=1)],
     [tensor("x", [1, 1, 4, 4])], [tensor("y", None)])
save_pb(os.path.join(HERE, "x_1x1x4x4.pb"), np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4), "x")

# Attributes written wrong: the nn verifier's message reaches the user naming the node.
save("resize_bad_mode", [helper.make_node("Resize", ["x", "", "scales"], ["y"], name="resize", mode="bicubic")],
     [tensor("x", [1, 1, 2, 2])], [tensor("y", None)], [helper.make_tensor("scales", TensorProto.FLOAT, [4], [1, 1, 2, 2])])
save("lrn_size0", [helper.make_node("LRN", ["x"], ["y"], name="lrn", size=0)],
     [tensor("x", [1, 4, 2, 2])], [tensor("y", None)])
save("gather_index_oob", [helper.make_node("Gather", ["x", "i"], ["y"], name="gather", axis=0)],
     [tensor("x", [5, 3])], [tensor("y", None)], [ints("i", [1, 5])])
save("softmax_axis", [helper.make_node("Softmax", ["x"], ["y"], name="softmax", axis=7)],
     [tensor("x", [2, 3])], [tensor("y", None)])
save("add_mixed_types", [helper.make_node("Add", ["x", "b"], ["y"], name="add")],
     [tensor("x", [2])], [tensor("y", None)], [ints("b", [1, 2])])
save("pad_bad_mode", [helper.make_node("Pad", ["x", "pads"], ["y"], name="pad", mode="mirror")],
     [tensor("x", [2, 2])], [tensor("y", None)], [ints("pads", [0, 1, 0, 1])])
save("reduce_twice", [helper.make_node("ReduceSum", ["x", "axes"], ["y"], name="sum")],
     [tensor("x", [2, 3])], [tensor("y", None)], [ints("axes", [1, -1])])
save("transpose_bad_perm", [helper.make_node("Transpose", ["x"], ["y"], name="transpose", perm=[0, 0])],
     [tensor("x", [2, 3])], [tensor("y", None)])
# Expand to an empty shape (found by the fuzzer; a batch of 0 expands a ViT's class token so):
# not bad, an empty constant (expand-empty.mlir), with its input.
save("expand_empty", [helper.make_node("Expand", ["x", "shape"], ["y"], name="expand")],
     [tensor("x", [1], TensorProto.INT64)], [tensor("y", None, TensorProto.INT64)], [ints("shape", [0])], opset=18)
save_pb(os.path.join(HERE, "x_int64_1.pb"), np.array([7], dtype=np.int64), "x")
# RMSNormalization normalizing in f16 (stash_type 10): only stash_type 1 (float) is supported.
save("rms_stash_f16", [helper.make_node("RMSNormalization", ["x", "scale"], ["y"], name="rms", stash_type=10)],
     [tensor("x", [2, 4])], [tensor("y", None)], [helper.make_tensor("scale", TensorProto.FLOAT, [4], [1.0] * 4)], opset=23)
# GatherND with a constant index past its axis, and with batch_dims as large as the indices' rank.
save("gathernd_out_of_range", [helper.make_node("GatherND", ["x", "i"], ["y"], name="gathernd")],
     [tensor("x", [2, 3])], [tensor("y", None)], [ints("i", [0, 4])])
save("gathernd_batch_dims", [helper.make_node("GatherND", ["x", "i"], ["y"], name="gathernd", batch_dims=1)],
     [tensor("x", [2, 3])], [tensor("y", None)], [ints("i", [1])])
# MaxPool's Indices in a storage order other than row-major (0) and column-major (1), and an
# AveragePool with a second output (only MaxPool has one).
save("maxpool_storage_order", [helper.make_node("MaxPool", ["x"], ["y", "i"], name="pool", kernel_shape=[2, 2], storage_order=2)],
     [tensor("x", [1, 1, 4, 4])], [tensor("y", None), tensor("i", None, TensorProto.INT64)])
save("averagepool_two_outputs", [helper.make_node("AveragePool", ["x"], ["y", "i"], name="pool", kernel_shape=[2, 2])],
     [tensor("x", [1, 1, 4, 4])], [tensor("y", None), tensor("i", None, TensorProto.INT64)])
# CenterCropPad with a shape of the wrong length or an axis named twice, RotaryEmbedding of a 3-D input without num_heads,
# and one with an odd rotary_embedding_dim.
save("center_crop_pad_shape", [helper.make_node("CenterCropPad", ["x", "shape"], ["y"], name="crop")],
     [tensor("x", [2, 4, 4])], [tensor("y", None)], [ints("shape", [3, 3])], opset=18)
save("center_crop_pad_twice", [helper.make_node("CenterCropPad", ["x", "shape"], ["y"], name="crop", axes=[1, -2])],
     [tensor("x", [2, 4, 4])], [tensor("y", None)], [ints("shape", [3, 3])], opset=18)
def rotary(name, dims, cache, **attrs):
    caches = [helper.make_tensor(c, TensorProto.FLOAT, cache, np.zeros(int(np.prod(cache)), np.float32)) for c in ("cos", "sin")]
    save(name, [helper.make_node("RotaryEmbedding", ["x", "cos", "sin"], ["y"], name="rope", **attrs)],
         [tensor("x", dims)], [tensor("y", None)], caches, opset=23)
rotary("rotary_no_heads", [1, 3, 8], [1, 3, 4])
rotary("rotary_odd_dim", [1, 2, 3, 8], [1, 3, 2], rotary_embedding_dim=5)
# ScatterElements with updates of another shape than the indices, and with indices longer than
# the data on an axis other than the scattered one.
save("scatter_elements_updates", [helper.make_node("ScatterElements", ["x", "i", "u"], ["y"], name="scatter", axis=1)],
     [tensor("x", [2, 4])], [tensor("y", None)], [ints2("i", [[0, 1], [2, 3]]), helper.make_tensor("u", TensorProto.FLOAT, [2, 1], [1.0, 2.0])])
save("scatter_elements_long", [helper.make_node("ScatterElements", ["x", "i", "u"], ["y"], name="scatter", axis=1)],
     [tensor("x", [2, 4])], [tensor("y", None)], [ints2("i", [[0], [1], [2]]), helper.make_tensor("u", TensorProto.FLOAT, [3, 1], [1.0, 2.0, 3.0])])
# Slice with fewer steps than starts (a fuzzer's find: an index out of bounds), and with more
# starts than the input has dimensions and no axes.
save("slice_short_steps", [helper.make_node("Slice", ["x", "starts", "ends", "axes", "steps"], ["y"], name="slice")],
     [tensor("x", [2, 4])], [tensor("y", None)], [ints("starts", [0, 0]), ints("ends", [2, 4]), ints("axes", [0, 1]), ints("steps", [1])])
save("slice_many_starts", [helper.make_node("Slice", ["x", "starts", "ends"], ["y"], name="slice")],
     [tensor("x", [2, 4])], [tensor("y", None)], [ints("starts", [0, 0, 0]), ints("ends", [2, 4, 1])])
# Dropout in training mode with a ratio above 0 (elements dropped at random: unsupported).
save("dropout_training", [helper.make_node("Dropout", ["x", "ratio", "training"], ["y"], name="dropout")],
     [tensor("x", [2, 3])], [tensor("y", None)], [helper.make_tensor("ratio", TensorProto.FLOAT, [], [0.25]),
                                                  helper.make_tensor("training", TensorProto.BOOL, [], [True])])
# Mean of integers (ONNX's Mean takes floats; its 1 / count has no integer form).
save("mean_int", [helper.make_node("Mean", ["x", "x"], ["y"], name="mean")],
     [tensor("x", [2], TensorProto.INT64)], [tensor("y", None, TensorProto.INT64)])

# Recurrent nodes written wrong: a W of the wrong shape, an unknown activation, sequence_lens
# shorter than the sequence (unsupported), and a sequence of unknown length.
def lstm(name, x_dims, w_dims, extra_inputs=(), initializers=(), **attrs):
    w = helper.make_tensor("W", TensorProto.FLOAT, w_dims, np.zeros(int(np.prod(w_dims)), np.float32))
    r = helper.make_tensor("R", TensorProto.FLOAT, [1, 8, 2], np.zeros(16, np.float32))
    save(name, [helper.make_node("LSTM", ["x", "W", "R", *extra_inputs], ["y"], name="lstm", hidden_size=2, **attrs)],
         [tensor("x", x_dims)], [tensor("y", None)], [w, r, *initializers], opset=14)


lstm("lstm_bad_w", [3, 1, 4], [1, 8, 5])
lstm("lstm_bad_activation", [3, 1, 4], [1, 8, 4], activations=["Sigmoid", "Elu", "Tanh"])
lstm("lstm_short_sequence", [3, 2, 4], [1, 8, 4], extra_inputs=["", "lens"],
     initializers=[helper.make_tensor("lens", TensorProto.INT32, [2], [3, 2])])
lstm("lstm_unknown_length", ["t", 1, 4], [1, 8, 4])
lstm("lstm_too_long", [5000, 1, 4], [1, 8, 4])

# Einsum: a diagonal (a letter twice in one operand), a letter of two sizes (neither 1), an
# ellipsis the output leaves out, an equation that names more operands than the node has inputs.
save("einsum_diagonal", [helper.make_node("Einsum", ["x"], ["y"], name="einsum", equation="ii->i")], [tensor("x", [3, 3])],
     [tensor("y", [3])], opset=12)
save("einsum_sizes", [helper.make_node("Einsum", ["x", "w"], ["y"], name="einsum", equation="ij,jk->ik")], [tensor("x", [2, 3])],
     [tensor("y", [2, 5])], [helper.make_tensor("w", TensorProto.FLOAT, [4, 5], [0.0] * 20)], opset=12)
save("einsum_no_output_ellipsis", [helper.make_node("Einsum", ["x"], ["y"], name="einsum", equation="...ij->ij")],
     [tensor("x", [2, 3, 4])], [tensor("y", [3, 4])], opset=12)
save("einsum_operands", [helper.make_node("Einsum", ["x"], ["y"], name="einsum", equation="ij,jk->ik")], [tensor("x", [2, 3])],
     [tensor("y", [2, 3])], opset=12)

# CumSum over an axis longer than SOL's limit (its masked copy would have 25 million elements).
save("cumsum_long", [helper.make_node("CumSum", ["x", "axis"], ["y"], name="cumsum")], [tensor("x", [1, 5000])], [tensor("y", [1, 5000])],
     [helper.make_tensor("axis", TensorProto.INT64, [], [1])], opset=14)

# And of floats (ONNX's And takes booleans only) and Less of a float and an int64.
save("and_floats", [helper.make_node("And", ["x", "x"], ["y"], name="and")], [tensor("x", [2, 3])], [tensor("y", [2, 3])], opset=14)
save("less_mixed", [helper.make_node("Less", ["x", "k"], ["y"], name="less")], [tensor("x", [2, 3])], [tensor("y", [2, 3])],
     [helper.make_tensor("k", TensorProto.INT64, [], [1])], opset=14)

# Trilu of a vector (needs a matrix) and IsNaN of integers (floats only).
save("trilu_rank1", [helper.make_node("Trilu", ["x"], ["y"], name="trilu")], [tensor("x", [4])], [tensor("y", [4])], opset=14)
save("isnan_int", [helper.make_node("IsNaN", ["x"], ["y"], name="isnan")], [helper.make_tensor_value_info("x", TensorProto.INT32, [4])],
     [tensor("y", [4])], opset=14)

# OneHot of depth 0 and Hardmax of integers.
save("onehot_depth0", [helper.make_node("OneHot", ["x", "depth", "values"], ["y"], name="onehot")],
     [helper.make_tensor_value_info("x", TensorProto.INT64, [3])], [tensor("y", [3, 1])],
     [helper.make_tensor("depth", TensorProto.INT64, [], [0]), helper.make_tensor("values", TensorProto.FLOAT, [2], [0.0, 1.0])], opset=11)
save("hardmax_int", [helper.make_node("Hardmax", ["x"], ["y"], name="hardmax")], [helper.make_tensor_value_info("x", TensorProto.INT32, [2, 3])],
     [tensor("y", [2, 3])], opset=13)

# Relu of x: [n, 3]; the case runs only with --shape x=2,3.
CASE = os.path.join(HERE, "..", "symbolic_case")
os.makedirs(CASE, exist_ok=True)
save("symbolic_case", [helper.make_node("Relu", ["x"], ["y"], name="relu")], [tensor("x", ["n", 3])], [tensor("y", ["n", 3])],
     path=os.path.join(CASE, "model.onnx"))
x = np.array([[-1, 2, -3], [4, -5, 6]], dtype=np.float32)
save_pb(os.path.join(CASE, "test_data_set_0", "input_0.pb"), x, "x")
save_pb(os.path.join(CASE, "test_data_set_0", "output_0.pb"), np.maximum(x, 0), "y")
