#!/usr/bin/env python3
"""Writes small whole-network ONNX models with random weights, in the ONNX backend-test
layout, with the outputs ONNX Runtime computes for a random input. Run once; the results
are committed under testdata/generated so that the tests never need Python.

Architectures (shrunk: few channels, 32x32 inputs): ResNet (residual blocks with
batch norm), DenseNet (concatenation), Inception (parallel branches), VGG, AlexNet (LRN,
large strides), MobileNet (depthwise convolutions, HardSwish, Clip), ShuffleNet (grouped
convolutions and channel shuffle), SqueezeNet (fire modules); and, written later with random
streams of their own (so that the first eight stay as they were), a U-Net (transposed
convolutions, Resize, skip connections), an audio CNN (1-D convolutions, a residual add, 1-D
pooling), a style-transfer network (InstanceNormalization, a padded transposed convolution) and
a segmenter whose output is the ArgMax over its class scores (i64); then single-operator LSTM,
GRU and RNN cases (rnn_*, several outputs each) and a CRNN-style recognizer with a
bidirectional LSTM, an EfficientNet-style network (SiLU, squeeze-and-excitation), Einsum cases
(op_einsum_*) and TopK cases (op_topk_*).

    python3 scripts/generate_networks.py [NAME...]     # all, or only the named ones
"""
import os
import sys
import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(7)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "testdata", "generated")


def output_info(name, elem_type=TensorProto.FLOAT):
    info = onnx.ValueInfoProto()
    info.name = name
    info.type.tensor_type.elem_type = elem_type
    return info


class Net:
    def __init__(self, name):
        self.name = name
        self.nodes = []
        self.inits = []
        self.count = 0

    def fresh(self, base):
        self.count += 1
        return f"{base}{self.count}"

    def weight(self, shape, scale=None):
        name = self.fresh("w")
        fan_in = int(np.prod(shape[1:])) if len(shape) > 1 else shape[0]
        s = scale if scale is not None else np.sqrt(2.0 / fan_in)
        self.inits.append(numpy_helper.from_array((rng.standard_normal(shape) * s).astype(np.float32), name))
        return name

    def const(self, array):
        name = self.fresh("c")
        self.inits.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def op(self, op_type, inputs, **attrs):
        out = self.fresh(op_type.lower())
        self.nodes.append(helper.make_node(op_type, inputs, [out], name=out, **attrs))
        return out

    def conv(self, x, cin, cout, k, stride=1, pad=None, group=1, bias=True):
        pad = k // 2 if pad is None else pad
        inputs = [x, self.weight([cout, cin // group, k, k])]
        if bias:
            inputs.append(self.weight([cout], 0.1))
        return self.op("Conv", inputs, kernel_shape=[k, k], strides=[stride, stride], pads=[pad] * 4, group=group)

    def bn(self, x, c):
        scale = self.const((1 + 0.1 * rng.standard_normal(c)).astype(np.float32))
        bias = self.const((0.1 * rng.standard_normal(c)).astype(np.float32))
        mean = self.const((0.1 * rng.standard_normal(c)).astype(np.float32))
        var = self.const((1 + 0.1 * np.abs(rng.standard_normal(c))).astype(np.float32))
        return self.op("BatchNormalization", [x, scale, bias, mean, var], epsilon=1e-5)

    def relu(self, x):
        return self.op("Relu", [x])

    def head(self, x, c, classes=10):
        g = self.op("GlobalAveragePool", [x])
        f = self.op("Flatten", [g], axis=1)
        y = self.op("Gemm", [f, self.weight([classes, c]), self.weight([classes], 0.1)], transB=1)
        return self.op("Softmax", [y], axis=1)

    def save(self, output, shape=(1, 3, 32, 32), elem_type=TensorProto.FLOAT):
        graph = helper.make_graph(self.nodes, self.name, [helper.make_tensor_value_info("input", TensorProto.FLOAT, list(shape))],
                                  [output_info(output, elem_type)], self.inits)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)], producer_name="sol-generate-networks")
        model.ir_version = 8
        folder = os.path.join(OUT, f"net_{self.name}")
        os.makedirs(os.path.join(folder, "test_data_set_0"), exist_ok=True)
        onnx.save(model, os.path.join(folder, "model.onnx"))
        x = rng.standard_normal(shape).astype(np.float32)
        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
        y = ort.InferenceSession(model.SerializeToString(), opts, providers=["CPUExecutionProvider"]).run(None, {"input": x})[0]
        with open(os.path.join(folder, "test_data_set_0", "input_0.pb"), "wb") as f:
            f.write(numpy_helper.from_array(x).SerializeToString())
        with open(os.path.join(folder, "test_data_set_0", "output_0.pb"), "wb") as f:
            f.write(numpy_helper.from_array(y).SerializeToString())


def resnet():
    n = Net("resnet")
    x = n.relu(n.bn(n.conv("input", 3, 16, 3, bias=False), 16))
    x = n.op("MaxPool", [x], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1])
    c = 16
    for cout, stride in [(16, 1), (32, 2), (64, 2)]:
        y = n.relu(n.bn(n.conv(x, c, cout, 3, stride, bias=False), cout))
        y = n.bn(n.conv(y, cout, cout, 3, bias=False), cout)
        shortcut = x if (stride == 1 and c == cout) else n.bn(n.conv(x, c, cout, 1, stride, pad=0, bias=False), cout)
        x = n.relu(n.op("Add", [y, shortcut]))
        c = cout
    n.save(n.head(x, c))


def densenet():
    n = Net("densenet")
    x = n.conv("input", 3, 16, 3)
    c = 16
    for block in range(2):
        for _ in range(3):
            y = n.conv(n.relu(n.bn(x, c)), c, 8, 3)
            x = n.op("Concat", [x, y], axis=1)
            c += 8
        if block == 0:
            x = n.conv(n.relu(n.bn(x, c)), c, c // 2, 1, pad=0)
            c //= 2
            x = n.op("AveragePool", [x], kernel_shape=[2, 2], strides=[2, 2])
    n.save(n.head(n.relu(n.bn(x, c)), c))


def inception():
    n = Net("inception")
    x = n.relu(n.conv("input", 3, 16, 3, 2))
    b1 = n.relu(n.conv(x, 16, 8, 1, pad=0))
    b2 = n.relu(n.conv(n.relu(n.conv(x, 16, 8, 1, pad=0)), 8, 12, 3))
    b3 = n.relu(n.conv(n.relu(n.conv(x, 16, 4, 1, pad=0)), 4, 6, 5))
    b4 = n.relu(n.conv(n.op("MaxPool", [x], kernel_shape=[3, 3], strides=[1, 1], pads=[1, 1, 1, 1]), 16, 6, 1, pad=0))
    x = n.op("Concat", [b1, b2, b3, b4], axis=1)
    x = n.op("AveragePool", [x], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1], count_include_pad=0)
    n.save(n.head(x, 32))


def vgg():
    n = Net("vgg")
    x = "input"
    c = 3
    for cout in [8, 16, 32]:
        x = n.relu(n.conv(x, c, cout, 3))
        x = n.relu(n.conv(x, cout, cout, 3))
        x = n.op("MaxPool", [x], kernel_shape=[2, 2], strides=[2, 2])
        c = cout
    f = n.op("Flatten", [x], axis=1)
    h = n.relu(n.op("Gemm", [f, n.weight([64, c * 16]), n.weight([64], 0.1)], transB=1))
    h = n.op("Dropout", [h])
    y = n.op("Gemm", [h, n.weight([10, 64]), n.weight([10], 0.1)], transB=1)
    n.save(n.op("Softmax", [y], axis=1))


def alexnet():
    n = Net("alexnet")
    x = n.relu(n.conv("input", 3, 16, 5, 2, pad=2))
    x = n.op("LRN", [x], size=5, alpha=1e-4, beta=0.75, bias=2.0)
    x = n.op("MaxPool", [x], kernel_shape=[3, 3], strides=[2, 2])
    x = n.relu(n.conv(x, 16, 32, 3))
    x = n.op("LRN", [x], size=5, alpha=1e-4, beta=0.75, bias=2.0)
    x = n.op("MaxPool", [x], kernel_shape=[3, 3], strides=[2, 2])
    f = n.op("Flatten", [x], axis=1)
    y = n.op("Gemm", [f, n.weight([10, 32 * 9]), n.weight([10], 0.1)], transB=1)
    n.save(n.op("Softmax", [y], axis=1))


def mobilenet():
    n = Net("mobilenet")
    x = n.op("HardSwish", [n.bn(n.conv("input", 3, 16, 3, 2, bias=False), 16)])
    c = 16
    for cout, stride in [(24, 2), (32, 1)]:
        y = n.op("Clip", [n.bn(n.conv(x, c, c * 2, 1, pad=0, bias=False), c * 2), n.const(np.float32(0)), n.const(np.float32(6))])
        y = n.op("Clip", [n.bn(n.conv(y, c * 2, c * 2, 3, stride, group=c * 2, bias=False), c * 2), n.const(np.float32(0)), n.const(np.float32(6))])
        x = n.bn(n.conv(y, c * 2, cout, 1, pad=0, bias=False), cout)
        c = cout
    n.save(n.head(x, c))


def shufflenet():
    n = Net("shufflenet")
    x = n.relu(n.conv("input", 3, 24, 3, 2))
    for _ in range(2):
        y = n.relu(n.bn(n.conv(x, 24, 24, 1, pad=0, group=4, bias=False), 24))
        y = n.op("Reshape", [y, n.const(np.array([1, 4, 6, 16, 16], dtype=np.int64))])
        y = n.op("Transpose", [y], perm=[0, 2, 1, 3, 4])
        y = n.op("Reshape", [y, n.const(np.array([1, 24, 16, 16], dtype=np.int64))])
        y = n.bn(n.conv(y, 24, 24, 3, group=24, bias=False), 24)
        y = n.bn(n.conv(y, 24, 24, 1, pad=0, group=4, bias=False), 24)
        x = n.relu(n.op("Add", [x, y]))
    n.save(n.head(x, 24))


def squeezenet():
    n = Net("squeezenet")
    x = n.relu(n.conv("input", 3, 16, 3, 2))
    x = n.op("MaxPool", [x], kernel_shape=[3, 3], strides=[2, 2], ceil_mode=1)
    c = 16
    for squeeze, expand in [(4, 8), (8, 16)]:
        s = n.relu(n.conv(x, c, squeeze, 1, pad=0))
        e1 = n.relu(n.conv(s, squeeze, expand, 1, pad=0))
        e3 = n.relu(n.conv(s, squeeze, expand, 3))
        x = n.op("Concat", [e1, e3], axis=1)
        c = expand * 2
    x = n.relu(n.conv(x, c, 10, 1, pad=0))
    g = n.op("GlobalAveragePool", [x])
    n.save(n.op("Softmax", [n.op("Flatten", [g], axis=1)], axis=1))


def unet():
    n = Net("unet")
    e1 = n.relu(n.conv("input", 3, 8, 3))
    e2 = n.relu(n.conv(e1, 8, 16, 3, 2))
    m = n.relu(n.conv(e2, 16, 16, 3, 2))
    u1 = n.op("Resize", [m, "", n.const(np.array([1, 1, 2, 2], np.float32))], mode="nearest")
    d1 = n.relu(n.conv(n.op("Concat", [u1, e2], axis=1), 32, 16, 3))
    u2 = n.op("ConvTranspose", [d1, n.weight([16, 8, 2, 2]), n.weight([8], 0.1)], kernel_shape=[2, 2], strides=[2, 2])
    d2 = n.relu(n.conv(n.op("Concat", [u2, e1], axis=1), 16, 8, 3))
    n.save(n.op("Sigmoid", [n.conv(d2, 8, 1, 1, pad=0)]))


def audio():
    n = Net("audio")

    def conv1d(x, cin, cout, k, stride=1, dilation=1):
        pad = (k - 1) * dilation // 2
        return n.op("Conv", [x, n.weight([cout, cin, k]), n.weight([cout], 0.1)], kernel_shape=[k], strides=[stride], pads=[pad, pad],
                    dilations=[dilation])

    x = n.relu(conv1d("input", 1, 8, 9, stride=2))
    x = n.relu(n.op("Add", [conv1d(x, 8, 8, 3), x]))
    x = n.op("MaxPool", [x], kernel_shape=[2], strides=[2])
    x = n.relu(conv1d(x, 8, 16, 3, dilation=2))
    n.save(n.head(x, 16), shape=(1, 1, 400))


def stylenet():
    n = Net("stylenet")

    def norm(x, c):
        return n.op("InstanceNormalization", [x, n.weight([c], 0.5), n.weight([c], 0.1)], epsilon=1e-5)

    x = n.relu(norm(n.conv("input", 3, 8, 3), 8))
    x = n.relu(norm(n.conv(x, 8, 16, 3, 2), 16))
    x = n.op("ConvTranspose", [x, n.weight([16, 8, 3, 3]), n.weight([8], 0.1)], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1],
             output_padding=[1, 1])
    x = n.relu(norm(x, 8))
    n.save(n.op("Tanh", [n.conv(x, 8, 3, 3)]))


def segmenter():
    n = Net("segmenter")
    x = n.relu(n.conv("input", 3, 8, 3))
    x = n.conv(x, 8, 5, 1, pad=0)
    n.save(n.op("ArgMax", [x], axis=1, keepdims=0), elem_type=TensorProto.INT64)


def save_case(name, nodes, inits, x, outputs, opset=14, reference=None, output_types=None, ir_version=8):
    """One operator case (folder NAME): graph input "input" is x, the outputs are named and of
    x's element type (or output_types'); reference(x) computes them instead of running the model
    (ONNX Runtime lacks layout=1)."""
    elem = helper.np_dtype_to_tensor_dtype(x.dtype)
    types = output_types or [elem] * len(outputs)
    graph = helper.make_graph(nodes, name, [helper.make_tensor_value_info("input", elem, list(x.shape))],
                              [output_info(o, t) for o, t in zip(outputs, types)], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], producer_name="sol-generate-networks")
    model.ir_version = ir_version
    folder = os.path.join(OUT, name)
    os.makedirs(os.path.join(folder, "test_data_set_0"), exist_ok=True)
    onnx.save(model, os.path.join(folder, "model.onnx"))
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    if reference is None:
        ys = ort.InferenceSession(model.SerializeToString(), opts, providers=["CPUExecutionProvider"]).run(None, {"input": x})
    else:
        ys = reference(x)
    with open(os.path.join(folder, "test_data_set_0", "input_0.pb"), "wb") as f:
        f.write(numpy_helper.from_array(x).SerializeToString())
    for i, y in enumerate(ys):
        with open(os.path.join(folder, "test_data_set_0", f"output_{i}.pb"), "wb") as f:
            f.write(numpy_helper.from_array(y).SerializeToString())


def recurrent():
    """LSTM, GRU and RNN cases: every direction, both layouts, biases, initial states, peepholes,
    clip, input_forget, linear_before_reset and non-default activations."""
    def arr(*shape, scale=0.5):
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    def case(name, op, gates, hidden, seq, batch, inputs, dirs=1, layout=0, extra=(), outputs=3, **attrs):
        x = arr(*((batch, seq, inputs) if layout else (seq, batch, inputs)), scale=1.0)
        inits = [numpy_helper.from_array(arr(dirs, gates * hidden, inputs), "W"), numpy_helper.from_array(arr(dirs, gates * hidden, hidden), "R")]
        names = ["input", "W", "R"]
        for key, shape in extra:
            names.append(key if shape is not None else "")
            if shape is not None:
                inits.append(numpy_helper.from_array(arr(*shape), key))
        outs = ["Y", "Y_h", "Y_c"][:outputs]
        node = helper.make_node(op, names, outs, name=name, hidden_size=hidden, layout=layout, **attrs)
        reference = None
        if layout:
            # ONNX Runtime runs layout 0 only: the same node on the transposed input, outputs transposed back.
            seq_first = helper.make_node(op, names, outs, name=name, hidden_size=hidden, **attrs)
            graph = helper.make_graph([seq_first], name, [helper.make_tensor_value_info("input", TensorProto.FLOAT, [seq, batch, inputs])],
                                      [output_info(o) for o in outs], inits)
            model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)])
            model.ir_version = 8
            session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
            perms = [(2, 0, 1, 3), (1, 0, 2), (1, 0, 2)]
            reference = lambda v: [np.transpose(y, p) for y, p in zip(session.run(None, {"input": np.transpose(v, (1, 0, 2))}), perms)]
        save_case(f"rnn_{name}", [node], inits, x, outs, reference=reference)

    h = 4
    case("lstm_bidirectional", "LSTM", 4, h, 6, 2, 5, dirs=2,
         extra=[("B", (2, 8 * h)), ("", None), ("initial_h", (2, 2, h)), ("initial_c", (2, 2, h)), ("P", (2, 3 * h))],
         direction="bidirectional")
    case("lstm_reverse_batch_first", "LSTM", 4, h, 5, 3, 2, layout=1, extra=[("B", (1, 8 * h))], direction="reverse", clip=0.7,
         input_forget=1)
    case("lstm_activations", "LSTM", 4, h, 4, 1, 3, extra=[("B", (1, 8 * h))], outputs=2,
         activations=["HardSigmoid", "LeakyRelu", "Tanh"], activation_alpha=[0.3, 0.05], activation_beta=[0.4])
    case("gru_bidirectional_linear_before_reset", "GRU", 3, h, 6, 2, 5, dirs=2, outputs=2,
         extra=[("B", (2, 6 * h)), ("", None), ("initial_h", (2, 2, h))], direction="bidirectional", linear_before_reset=1)
    case("gru_forward", "GRU", 3, h, 5, 2, 3, extra=[("B", (1, 6 * h))], outputs=2)
    case("gru_batch_first_no_bias", "GRU", 3, h, 4, 2, 3, layout=1, outputs=2, direction="reverse")
    case("rnn_relu_bidirectional", "RNN", 1, h, 5, 2, 3, dirs=2, outputs=2, extra=[("B", (2, 2 * h))], direction="bidirectional",
         activations=["Relu", "Tanh"])


def crnn():
    """A CRNN-style text-line recognizer: convolutions over a 1x16x64 line, columns as a
    sequence, a bidirectional LSTM, per-column class scores."""
    n = Net("crnn")
    x = n.relu(n.bn(n.conv("input", 1, 8, 3), 8))
    x = n.op("MaxPool", [x], kernel_shape=[2, 2], strides=[2, 2])
    x = n.relu(n.bn(n.conv(x, 8, 16, 3), 16))
    x = n.op("MaxPool", [x], kernel_shape=[2, 2], strides=[2, 2])
    x = n.relu(n.conv(x, 16, 16, 3))
    x = n.op("ReduceMean", [x], axes=[2], keepdims=0)           # 1 x 16 x 16 (channels x columns)
    x = n.op("Transpose", [x], perm=[2, 0, 1])                  # columns x batch x channels
    h = 12
    w, r, b = n.weight([2, 4 * h, 16], 0.3), n.weight([2, 4 * h, h], 0.3), n.weight([2, 8 * h], 0.1)
    y = n.fresh("lstm")
    n.nodes.append(helper.make_node("LSTM", [x, w, r, b], [y], name=y, hidden_size=h, direction="bidirectional"))
    y = n.op("Transpose", [y], perm=[0, 2, 1, 3])               # columns x batch x directions x hidden
    y = n.op("Reshape", [y, n.const(np.array([16, 2 * h], dtype=np.int64))])
    y = n.op("Gemm", [y, n.weight([11, 2 * h]), n.weight([11], 0.1)], transB=1)
    n.save(n.op("LogSoftmax", [y], axis=1), shape=(1, 1, 16, 64))


def composites():
    """Operators that SOL imports as compositions of nn ops (op_* folders): activations,
    reductions, normalizations, data movement and CumSum, with non-default attributes where they exist."""
    def case(name, op, x, inputs=(), opset=18, **attrs):
        inits = [numpy_helper.from_array(np.asarray(v), k) for k, v in inputs]
        node = helper.make_node(op, ["input"] + [k for k, _ in inputs], ["y"], name=name, **attrs)
        save_case(f"op_{name}", [node], inits, x, ["y"], opset=opset)

    img = lambda *shape: rng.standard_normal(shape).astype(np.float32) * 2
    case("prelu_per_channel", "PRelu", img(1, 4, 3, 5), [("slope", (rng.random((4, 1, 1)) * 0.5).astype(np.float32))])
    case("prelu_scalar", "PRelu", img(2, 3, 4), [("slope", np.array([0.2], np.float32))])
    case("elu", "Elu", img(2, 3, 4), alpha=0.7)
    case("selu", "Selu", img(2, 3, 4))
    case("celu", "Celu", img(2, 3, 4), alpha=1.5)
    case("mish", "Mish", img(2, 3, 4))
    case("softsign", "Softsign", img(2, 3, 4))
    case("mean", "Mean", img(2, 3, 4), [("b", img(3, 4)), ("c", img(1, 4))])
    case("reduce_l1", "ReduceL1", img(2, 3, 4), [("axes", np.array([1], np.int64))], keepdims=0)
    case("reduce_l2", "ReduceL2", img(2, 3, 4), [("axes", np.array([-1, 0], np.int64))])
    case("reduce_sum_square_opset13", "ReduceSumSquare", img(2, 3, 4), opset=13, axes=[2])
    case("reduce_log_sum", "ReduceLogSum", np.abs(img(2, 3, 4)) + 0.1, [("axes", np.array([1], np.int64))])
    case("reduce_log_sum_exp", "ReduceLogSumExp", img(2, 3, 4) * 20, [("axes", np.array([2], np.int64))], keepdims=0)
    case("lp_normalization_l1", "LpNormalization", img(2, 3, 4), axis=1, p=1)
    case("lp_normalization_l2", "LpNormalization", img(2, 3, 4))
    case("group_normalization", "GroupNormalization", img(2, 6, 3, 3),
         [("scale", img(6)), ("bias", img(6))], opset=21, num_groups=3, epsilon=1e-3)
    case("group_normalization_per_group", "GroupNormalization", img(2, 6, 4),
         [("scale", img(2)), ("bias", img(2))], num_groups=2)
    case("depth_to_space_dcr", "DepthToSpace", img(1, 8, 2, 3), blocksize=2)
    case("depth_to_space_crd", "DepthToSpace", img(2, 8, 2, 3), blocksize=2, mode="CRD")
    case("space_to_depth", "SpaceToDepth", img(2, 3, 4, 6), blocksize=2)
    case("expand", "Expand", img(3, 1, 5), [("shape", np.array([2, 1, 4, 1], np.int64))])
    case("tile", "Tile", img(2, 3), [("repeats", np.array([3, 2], np.int64))])
    bounds = [numpy_helper.from_array(np.array(v, np.float32), k) for k, v in [("start", 1.5), ("limit", -2.0), ("delta", -0.5)]]
    save_case("op_range_added", [helper.make_node("Range", ["start", "limit", "delta"], ["r"], name="range"),
                                 helper.make_node("Add", ["input", "r"], ["y"], name="add")], bounds, img(2, 7), ["y"], opset=18)
    case("expand_int64", "Expand", rng.integers(-50, 50, (3, 1, 5)).astype(np.int64), [("shape", np.array([2, 1, 4, 1], np.int64))])
    axis = lambda a: [("axis", np.array(a, np.int64))]
    case("cumsum_axis1", "CumSum", img(2, 5, 3), axis(1))
    case("cumsum_exclusive", "CumSum", img(3, 4), axis(0), exclusive=1)
    case("cumsum_reverse", "CumSum", img(4, 3), axis(0), reverse=1)
    case("cumsum_exclusive_reverse", "CumSum", img(2, 6), axis(-1), exclusive=1, reverse=1)
    case("cumsum_int64", "CumSum", rng.integers(0, 2, (1, 9)).astype(np.int64), axis(1))
    case("cumsum_inf", "CumSum", np.array([[1, np.inf, 2, 3], [-1, 2, -np.inf, 4]], np.float32), axis(1))


def efficientnet():
    """An EfficientNet-style network: SiLU (x * sigmoid(x)) after convolutions, a depthwise
    convolution and a batch norm, squeeze-and-excitation, a residual MBConv block."""
    n = Net("efficientnet")

    def silu(x):
        return n.op("Mul", [x, n.op("Sigmoid", [x])])

    x = silu(n.conv("input", 3, 16, 3, 2))
    for cin, cout, stride in [(16, 16, 1), (16, 24, 2)]:
        e = silu(n.conv(x, cin, cin * 4, 1, pad=0))
        d = silu(n.bn(n.conv(e, cin * 4, cin * 4, 3, stride, group=cin * 4, bias=False), cin * 4))
        g = silu(n.conv(n.op("GlobalAveragePool", [d]), cin * 4, cin, 1, pad=0))
        d = n.op("Mul", [d, n.op("Sigmoid", [n.conv(g, cin, cin * 4, 1, pad=0)])])
        y = n.conv(d, cin * 4, cout, 1, pad=0)
        x = n.op("Add", [y, x]) if cin == cout and stride == 1 else y
    n.save(n.head(silu(n.conv(x, 24, 32, 1, pad=0)), 32))


def einsum():
    """Einsum (op_einsum_* folders), which SOL imports as transposes, reshapes, sums and batched
    products: attention scores, an implicit output, a transpose, a full sum, an outer product,
    ellipses (one operand without, one in the middle of a term, an implicit output with one),
    three operands (one letter in all three, upper case), a letter summed away before the
    product, a dimension of size 1 that broadcasts, a scalar operand."""
    def case(name, equation, x, *others):
        inits = [numpy_helper.from_array(v, f"b{i}") for i, v in enumerate(others)]
        node = helper.make_node("Einsum", ["input"] + [f"b{i}" for i in range(len(others))], ["y"], name=name, equation=equation)
        save_case(f"op_einsum_{name}", [node], inits, x, ["y"], opset=12)

    arr = lambda *shape: rng.standard_normal(shape).astype(np.float32)
    case("attention_scores", "bhid,bhjd->bhij", arr(2, 3, 5, 4), arr(2, 3, 6, 4))
    case("matmul_implicit", "ij,jk", arr(3, 4), arr(4, 5))
    case("transpose", "bchw->bhwc", arr(1, 3, 4, 5))
    case("sum_all", "ij->", arr(3, 4))
    case("outer", "i,j->ij", arr(4), arr(5))
    case("ellipsis", "...ij,...jk->...ik", arr(2, 3, 4, 5), arr(2, 3, 5, 6))
    case("ellipsis_one_side", "...ij,jk->...ki", arr(2, 4, 5), arr(5, 3))
    case("three_operands", "ij,jk,kl->il", arr(3, 4), arr(4, 5), arr(5, 2))
    case("sum_before_product", "bij,bjk->bk", arr(2, 3, 4), arr(2, 4, 5))
    case("dot_per_row", "bn,bn->b", arr(3, 7), arr(3, 7))
    case("broadcast", "...ij,...jk->...ik", arr(1, 3, 4, 5), arr(2, 3, 5, 6))
    case("upper_case_three", "bIj,bjK,bKl->blI", arr(2, 3, 4), arr(2, 4, 5), arr(2, 5, 3))
    case("ellipsis_middle", "i...j,j->...i", arr(3, 2, 4, 5), arr(5))
    case("implicit_ellipsis", "...ij,...jk", arr(2, 3, 4), arr(2, 4, 5))
    case("scalar_operand", "ij,->ij", arr(3, 4), np.array(2.5, np.float32))


def topk():
    """TopK (op_topk_* folders): values and indices along the last, the first and a middle axis,
    the smallest, ties (the smaller index first), int64 elements, k given as an attribute
    (opset 9)."""
    def case(name, x, k, opset=11, **attrs):
        inputs = ["input"] if opset < 10 else ["input", "k"]
        inits = [] if opset < 10 else [numpy_helper.from_array(np.array([k], np.int64), "k")]
        if opset < 10:
            attrs["k"] = k
        node = helper.make_node("TopK", inputs, ["values", "indices"], name=name, **attrs)
        save_case(f"op_topk_{name}", [node], inits, x, ["values", "indices"], opset=opset,
                  output_types=[helper.np_dtype_to_tensor_dtype(x.dtype), TensorProto.INT64])

    img = lambda *shape: rng.standard_normal(shape).astype(np.float32)
    case("last_axis", img(3, 10), 4)
    case("smallest_first_axis", img(6, 5), 3, axis=0, largest=0)
    case("ties", np.array([[1, 3, 3, 2, 3, 0], [2, 2, 2, 2, 1, 1]], np.float32), 4)
    case("smallest_ties", np.array([[1, 3, 3, 2, 3, 0], [2, 2, 2, 2, 1, 1]], np.float32), 5, largest=0)
    case("int64", rng.integers(-5, 5, (2, 8)).astype(np.int64), 3)
    case("middle_axis", img(2, 7, 3), 2, axis=1)
    case("k_attribute", img(2, 6), 2, opset=9)


def logic():
    """Comparisons and logical ops (op_compare_*, op_logic_* folders): the five comparisons of
    floats against a broadcast constant with NaN and signed zeros, of int64 and uint8 (above
    127: unsigned), Equal of booleans, And, Or, Xor and Not of masks, and an attention mask
    (Equal of a constant, Where, Softmax)."""
    BOOL = TensorProto.BOOL

    def compares(name, x, c):
        inits = [numpy_helper.from_array(c, "c")]
        ops = ["Equal", "Less", "LessOrEqual", "Greater", "GreaterOrEqual"]
        nodes = [helper.make_node(o, ["input", "c"], [o.lower()], name=o.lower()) for o in ops]
        save_case(f"op_compare_{name}", nodes, inits, x, [o.lower() for o in ops], output_types=[BOOL] * len(ops))

    nan = np.float32("nan")
    compares("float", np.array([[1, 2, 3, 4], [nan, 0, -0.0, 5], [-1, 7, nan, 4]], np.float32),
             np.array([2, -0.0, nan, 4], np.float32))
    compares("int64", rng.integers(-3, 3, (2, 1, 5)).astype(np.int64), rng.integers(-3, 3, (4, 1)).astype(np.int64))
    compares("uint8", np.array([[0, 100, 127, 128, 200, 255]], np.uint8), np.array([128], np.uint8))

    x = rng.standard_normal((3, 8)).astype(np.float32)
    nodes = [helper.make_node("Greater", ["input", "zero"], ["pos"]), helper.make_node("Less", ["input", "one"], ["small"]),
             helper.make_node("And", ["pos", "small"], ["and"]), helper.make_node("Not", ["small"], ["large"]),
             helper.make_node("Or", ["pos", "large"], ["or"]), helper.make_node("Xor", ["pos", "row"], ["xor"]),
             helper.make_node("Equal", ["pos", "small"], ["same"]),
             helper.make_node("Where", ["and", "input", "zero"], ["kept"])]
    inits = [numpy_helper.from_array(np.array(0, np.float32), "zero"), numpy_helper.from_array(np.array(1, np.float32), "one"),
             numpy_helper.from_array(np.array([True, False] * 4), "row")]
    save_case("op_logic_masks", nodes, inits, x, ["and", "large", "or", "xor", "same", "kept"], output_types=[BOOL] * 5 + [TensorProto.FLOAT])

    scores = rng.standard_normal((2, 4, 4)).astype(np.float32)
    causal = np.tril(np.ones((4, 4), np.int64))
    nodes = [helper.make_node("Equal", ["causal", "zero"], ["masked"]), helper.make_node("Where", ["masked", "minus", "input"], ["filled"]),
             helper.make_node("Softmax", ["filled"], ["probs"], axis=-1)]
    inits = [numpy_helper.from_array(causal, "causal"), numpy_helper.from_array(np.array(0, np.int64), "zero"),
             numpy_helper.from_array(np.array(-1e9, np.float32), "minus")]
    save_case("op_logic_attention_mask", nodes, inits, scores, ["probs"])


def elementwise_more():
    """Sin, Cos, Sign, Round, IsNaN, IsInf, ThresholdedRelu, Shrink, Trilu, CastLike and Size
    (op_* folders): NaN, infinities, signed zeros and halves where they matter, Sign of int32,
    Trilu's upper and lower triangles with k on a batch of matrices."""
    BOOL = TensorProto.BOOL
    nan, inf = np.float32("nan"), np.float32("inf")
    special = np.array([[nan, -0.0, 0.0, 2.5, -2.5, 0.5, 1.5, -3.7], [inf, -inf, 1e-30, -1e-30, 3.0, -7.5, 0.49999997, 100.5]], np.float32)

    def unary(name, ops, x, types=None, opset=14, **attrs):
        nodes = [helper.make_node(o, ["input"], [f"y{i}"], name=f"n{i}", **attrs.get(o, {})) for i, o in enumerate(ops)]
        save_case(f"op_{name}", nodes, [], x, [f"y{i}" for i in range(len(ops))], opset=opset, output_types=types)

    unary("sin_cos", ["Sin", "Cos"], rng.uniform(-6, 6, (3, 7)).astype(np.float32))
    unary("sign_round", ["Sign", "Round"], special)
    unary("sign_int32", ["Sign"], rng.integers(-3, 4, (2, 6)).astype(np.int32))
    x = special
    nodes = [helper.make_node("IsNaN", ["input"], ["nan"]), helper.make_node("IsInf", ["input"], ["inf"]),
             helper.make_node("IsInf", ["input"], ["pos"], detect_negative=0), helper.make_node("IsInf", ["input"], ["neg"], detect_positive=0)]
    save_case("op_isnan_isinf", nodes, [], x, ["nan", "inf", "pos", "neg"], opset=20, output_types=[BOOL] * 4)
    x = rng.uniform(-1, 1, (3, 8)).astype(np.float32)
    nodes = [helper.make_node("ThresholdedRelu", ["input"], ["t"], alpha=0.3), helper.make_node("Shrink", ["input"], ["s"], lambd=0.4, bias=0.1)]
    save_case("op_thresholded_relu_shrink", nodes, [], x, ["t", "s"])
    x = rng.standard_normal((2, 3, 5, 4)).astype(np.float32)
    nodes = [helper.make_node("Trilu", ["input", "k1"], ["upper"]), helper.make_node("Trilu", ["input", "km1"], ["lower"], upper=0),
             helper.make_node("Trilu", ["input"], ["causal"], upper=0)]
    inits = [numpy_helper.from_array(np.array(1, np.int64), "k1"), numpy_helper.from_array(np.array(-1, np.int64), "km1")]
    save_case("op_trilu", nodes, inits, x, ["upper", "lower", "causal"])
    x = rng.uniform(-5, 5, (2, 3)).astype(np.float32)
    nodes = [helper.make_node("CastLike", ["input", "like"], ["i"]), helper.make_node("Size", ["input"], ["n"])]
    inits = [numpy_helper.from_array(np.array([1], np.int32), "like")]
    save_case("op_castlike_size", nodes, inits, x, ["i", "n"], opset=15, output_types=[TensorProto.INT32, TensorProto.INT64])


def selections():
    """Hardmax (op_hardmax_*: along the last axis and a middle one from opset 13, ties to the
    first; over the input flattened at axis 1 before), OneHot (op_onehot: negative and
    out-of-range indices, the new axis last and first) and MeanVarianceNormalization (op_mvn)."""
    def hardmax(name, x, opset, **attrs):
        save_case(f"op_hardmax_{name}", [helper.make_node("Hardmax", ["input"], ["y"], **attrs)], [], x, ["y"], opset=opset)

    hardmax("last_axis", rng.standard_normal((3, 4, 5)).astype(np.float32), 13)
    hardmax("middle_axis_ties", np.array([[[1, 2], [3, 2], [3, 0]], [[0, 0], [0, 0], [1, 1]]], np.float32), 13, axis=1)
    hardmax("coerced", rng.standard_normal((2, 3, 4)).astype(np.float32), 11, axis=1)
    indices = np.array([[0, 3, -1], [5, -4, 2]], np.int64)
    nodes = [helper.make_node("OneHot", ["input", "depth", "values"], ["last"]),
             helper.make_node("OneHot", ["input", "depth", "values"], ["first"], axis=0)]
    inits = [numpy_helper.from_array(np.array(4, np.int64), "depth"), numpy_helper.from_array(np.array([-1.5, 2.0], np.float32), "values")]
    save_case("op_onehot", nodes, inits, indices, ["last", "first"], opset=11, output_types=[TensorProto.FLOAT] * 2)
    x = (rng.standard_normal((2, 3, 4, 5)) * 3 + 10).astype(np.float32)
    save_case("op_mvn", [helper.make_node("MeanVarianceNormalization", ["input"], ["y"])], [], x, ["y"], opset=13)


def modulo():
    """Mod (op_mod_*): floats with fmod = 1 (the dividend's sign), int32 with fmod = 0 (the
    divisor's sign, as Python's %) and 1, against a broadcast divisor with both signs."""
    def case(name, x, divisor, fmod):
        node = helper.make_node("Mod", ["input", "d"], ["y"], fmod=fmod)
        save_case(f"op_mod_{name}", [node], [numpy_helper.from_array(divisor, "d")], x, ["y"], opset=13)

    case("float_fmod", rng.uniform(-10, 10, (3, 4)).astype(np.float32), np.array([3.0, -3.0, 0.7, -2.5], np.float32), 1)
    ints = rng.integers(-20, 21, (3, 4)).astype(np.int32)
    case("int32", ints, np.array([3, -3, 7, -5], np.int32), 0)
    case("int32_fmod", ints, np.array([3, -3, 7, -5], np.int32), 1)


def booleans():
    """Expand of a boolean tensor (op_expand_bool), which broadcasts through an or with false."""
    x = rng.integers(0, 2, (3, 1)).astype(bool)
    node = helper.make_node("Expand", ["input", "shape"], ["y"])
    save_case("op_expand_bool", [node], [numpy_helper.from_array(np.array([2, 3, 4], np.int64), "shape")], x, ["y"], opset=13)


def gather_elements():
    """GatherElements (op_gather_elements_*): along the last axis with negative indices, along
    the first with fewer rows than the data, int32 indices."""
    def case(name, x, indices, axis):
        node = helper.make_node("GatherElements", ["input", "i"], ["y"], axis=axis)
        save_case(f"op_gather_elements_{name}", [node], [numpy_helper.from_array(indices, "i")], x, ["y"], opset=13)

    x = rng.standard_normal((3, 5)).astype(np.float32)
    case("last_axis", x, np.array([[0, 4, -1], [2, -5, 3], [1, 1, 1]], np.int64), -1)
    case("first_axis", x, np.array([[2, 0, 1, 2, 0], [0, 1, 2, 1, 1]], np.int64), 0)
    case("int32", rng.standard_normal((2, 3, 4)).astype(np.float32), rng.integers(-3, 3, (2, 2, 4)).astype(np.int32), 1)


def transformer():
    """A tiny transformer encoder as PyTorch exports it at opset 14: 8 tokens of 16 features, two
    pre-norm layers, layer norm written out (ReduceMean, Sub, Pow, Sqrt, Div, Mul, Add), 2-head
    attention (MatMul + Add projections, Reshape, Transpose, a scaled MatMul, Softmax), an MLP
    with GELU written out, erf in the first layer and GPT-2's tanh form in the second, and
    residual adds."""
    n = Net("transformer")
    t, d, heads, hidden = 8, 16, 2, 32

    def linear(v, cin, cout):
        return n.op("Add", [n.op("MatMul", [v, n.weight([cin, cout], 1 / np.sqrt(cin))]), n.weight([cout], 0.1)])

    def norm(v):
        centred = n.op("Sub", [v, n.op("ReduceMean", [v], axes=[-1])])
        var = n.op("ReduceMean", [n.op("Pow", [centred, n.const(np.float32(2))])], axes=[-1])
        scaled = n.op("Div", [centred, n.op("Sqrt", [n.op("Add", [var, n.const(np.float32(1e-5))])])])
        return n.op("Add", [n.op("Mul", [scaled, n.weight([d], 0.5)]), n.weight([d], 0.1)])

    def gelu(u, tanh):
        half = n.op("Mul", [u, n.const(np.float32(0.5))])
        if tanh:
            cube = n.op("Pow", [u, n.const(np.float32(3))])
            inner = n.op("Mul", [n.op("Add", [u, n.op("Mul", [cube, n.const(np.float32(0.044715))])]), n.const(np.float32(np.sqrt(2 / np.pi)))])
            curve = n.op("Tanh", [inner])
        else:
            curve = n.op("Erf", [n.op("Div", [u, n.const(np.float32(np.sqrt(2)))])])
        return n.op("Mul", [half, n.op("Add", [curve, n.const(np.float32(1))])])

    split = n.const(np.array([1, t, heads, d // heads], np.int64))
    merge = n.const(np.array([1, t, d], np.int64))
    x = "input"
    for layer in range(2):
        h = norm(x)
        q, k, v = (n.op("Transpose", [n.op("Reshape", [linear(h, d, d), split])], perm=perm)
                   for perm in ([0, 2, 1, 3], [0, 2, 3, 1], [0, 2, 1, 3]))
        scores = n.op("Mul", [n.op("MatMul", [q, k]), n.const(np.float32(1 / np.sqrt(d // heads)))])
        attended = n.op("MatMul", [n.op("Softmax", [scores], axis=-1), v])
        x = n.op("Add", [x, linear(n.op("Reshape", [n.op("Transpose", [attended], perm=[0, 2, 1, 3]), merge]), d, d)])
        x = n.op("Add", [x, linear(gelu(linear(norm(x), d, hidden), tanh=layer == 1), hidden, d)])
    n.save(x, shape=(1, t, d))


def newer_opsets():
    """RMSNormalization (opset 23: over the last axis, over the axes from 1 of an image with a
    per-pixel scale, and of f16, normalized in f32) and Swish (opset 24: alpha 1 and 0.5), which SOL imports as compositions."""
    x = (rng.standard_normal((2, 3, 8)) * 2 + 0.5).astype(np.float32)
    scale = numpy_helper.from_array(rng.uniform(0.5, 1.5, 8).astype(np.float32), "scale")
    save_case("op_rms_normalization", [helper.make_node("RMSNormalization", ["input", "scale"], ["y"], epsilon=1e-3)], [scale], x, ["y"],
              opset=23, ir_version=10)
    img = rng.standard_normal((1, 2, 3, 4)).astype(np.float32)
    scale = numpy_helper.from_array(rng.uniform(0.5, 1.5, (3, 4)).astype(np.float32), "scale")
    save_case("op_rms_normalization_axis1", [helper.make_node("RMSNormalization", ["input", "scale"], ["y"], axis=1)], [scale], img, ["y"],
              opset=23, ir_version=10)
    half = (rng.standard_normal((2, 64)) * 4).astype(np.float16)
    scale = numpy_helper.from_array(rng.uniform(0.5, 1.5, 64).astype(np.float16), "scale")
    save_case("op_rms_normalization_f16", [helper.make_node("RMSNormalization", ["input", "scale"], ["y"])], [scale], half, ["y"],
              opset=23, ir_version=10)
    x = (rng.standard_normal((2, 3, 4)) * 3).astype(np.float32)
    save_case("op_swish", [helper.make_node("Swish", ["input"], ["one"]), helper.make_node("Swish", ["input"], ["half"], alpha=0.5)], [], x,
              ["one", "half"], opset=24, ir_version=10)


def gather_nd():
    """GatherND (op_gather_nd_*): pairs of indices with negative entries, batch_dims 1, one full
    tuple (a scalar result), and indices given at run time (the graph's input) into constant data."""
    def case(name, x, indices, batch_dims=0):
        node = helper.make_node("GatherND", ["input", "indices"], ["y"], batch_dims=batch_dims)
        save_case(f"op_gather_nd_{name}", [node], [numpy_helper.from_array(np.array(indices, np.int64), "indices")], x, ["y"], opset=13)

    x = rng.standard_normal((2, 3, 4)).astype(np.float32)
    case("pairs", x, [[1, 2], [0, -1], [1, -3]])
    case("batch", x, [[[2], [0]], [[1], [-1]]], batch_dims=1)
    case("full_tuple", x, [1, -1, 3])
    data = numpy_helper.from_array(rng.standard_normal((3, 4, 5)).astype(np.float32), "data")
    node = helper.make_node("GatherND", ["data", "input"], ["y"])
    save_case("op_gather_nd_runtime_indices", [node], [data], np.array([[2, 1], [-3, -4]], np.int64), ["y"], opset=13,
              output_types=[TensorProto.FLOAT])


def scatter_nd():
    """ScatterND (op_scatter_nd_*): rows replaced by constant updates at constant indices (one
    negative), single elements at full tuples, updates computed in the graph at an image's
    channels (as PyTorch exports a slice assignment), indices given at run time, and the add and
    max reductions (opset 18) with a repeated index."""
    def case(name, x, indices, updates, opset=13, **attrs):
        inits = [numpy_helper.from_array(np.array(indices, np.int64), "indices"), numpy_helper.from_array(np.asarray(updates, np.float32), "updates")]
        node = helper.make_node("ScatterND", ["input", "indices", "updates"], ["y"], **attrs)
        save_case(f"op_scatter_nd_{name}", [node], inits, x, ["y"], opset=opset)

    x = rng.standard_normal((4, 3)).astype(np.float32)
    case("rows", x, [[2], [-4]], rng.standard_normal((2, 3)))
    case("elements", rng.standard_normal((2, 3, 4)).astype(np.float32), [[1, 2, 3], [0, -1, 0]], [5.0, -6.0])
    case("add_repeated", x, [[1], [3], [1]], rng.standard_normal((3, 3)), opset=18, reduction="add")
    case("max", x, [[0], [2]], rng.standard_normal((2, 3)), opset=18, reduction="max")
    # y[:, 1:3] = sigmoid(y[:, 1:3]) * 2 on a 1 x 4 x 2 x 2 image, as ScatterND with constant indices.
    img = rng.standard_normal((1, 4, 2, 2)).astype(np.float32)
    part = helper.make_node("Slice", ["input", "starts", "ends", "axes"], ["part"])
    twice = helper.make_node("Mul", ["sig", "two"], ["twice"])
    sig = helper.make_node("Sigmoid", ["part"], ["sig"])
    scatter = helper.make_node("ScatterND", ["input", "where", "twice"], ["y"])
    inits = [numpy_helper.from_array(np.array(v, np.int64), k) for k, v in (("starts", [1]), ("ends", [3]), ("axes", [1]))]
    inits += [numpy_helper.from_array(np.float32(2), "two"), numpy_helper.from_array(np.array([[[0, 1], [0, 2]]], np.int64), "where")]
    save_case("op_scatter_nd_computed_updates", [part, sig, twice, scatter], inits, img, ["y"], opset=13)
    data = numpy_helper.from_array(rng.standard_normal((3, 4)).astype(np.float32), "data")
    updates = numpy_helper.from_array(rng.standard_normal((2, 4)).astype(np.float32), "updates")
    node = helper.make_node("ScatterND", ["data", "input", "updates"], ["y"])
    save_case("op_scatter_nd_runtime_indices", [node], [data, updates], np.array([[2], [-3]], np.int64), ["y"], opset=13,
              output_types=[TensorProto.FLOAT])


def max_pool_indices():
    """MaxPool's Indices output (op_max_pool_indices_*): row-major and column-major storage
    orders, a batch of several channels with padding, strides and ceil_mode on small integers (many
    ties: the first tap in the window wins), dilations, 1-D and 3-D pools and uint8 data; the f32
    cases' indices are also checked against ONNX's reference implementation here (its uint8 path
    pads the data with NaN cast to uint8 and gives wrong positions, where ONNX Runtime's are right)."""
    from onnx.reference import ReferenceEvaluator

    def case(name, x, opset=12, **attrs):
        node = helper.make_node("MaxPool", ["input"], ["y", "indices"], **attrs)
        save_case(f"op_max_pool_indices_{name}", [node], [], x, ["y", "indices"], opset=opset,
                  output_types=[helper.np_dtype_to_tensor_dtype(x.dtype), TensorProto.INT64])
        model = onnx.load(os.path.join(OUT, f"op_max_pool_indices_{name}", "model.onnx"))
        expected = onnx.load_tensor(os.path.join(OUT, f"op_max_pool_indices_{name}", "test_data_set_0", "output_1.pb"))
        assert x.dtype != np.float32 or (ReferenceEvaluator(model).run(None, {"input": x})[1] == numpy_helper.to_array(expected)).all(), name

    case("strides_column_major", rng.standard_normal((1, 1, 5, 5)).astype(np.float32), kernel_shape=[2, 2], strides=[2, 2], storage_order=1)
    ties = rng.integers(0, 4, (2, 3, 7, 6)).astype(np.float32)
    case("ties_pads_ceil", ties, kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1], ceil_mode=1)
    case("ties_pads_ceil_column_major", ties, kernel_shape=[3, 2], strides=[2, 1], pads=[1, 0, 0, 1], ceil_mode=1, storage_order=1)
    case("dilations", rng.standard_normal((1, 2, 8, 8)).astype(np.float32), kernel_shape=[2, 2], dilations=[2, 2], pads=[1, 1, 1, 1])
    case("1d", rng.standard_normal((2, 2, 9)).astype(np.float32), kernel_shape=[3], strides=[2], pads=[1, 1])
    case("3d_column_major", rng.standard_normal((1, 2, 4, 5, 3)).astype(np.float32), kernel_shape=[2, 2, 2], strides=[2, 2, 1], storage_order=1)
    case("uint8", rng.integers(0, 255, (1, 2, 5, 5)).astype(np.uint8), kernel_shape=[2, 2])


def resize_antialias():
    """Resize with antialias (opset 18; op_resize_antialias_*): linear and cubic downsampling by
    scales and by sizes (the filter stretched by 1 / scale, so 3x downsampling reads 6 or 12
    taps), cubic with exclude_outside and another a, align_corners, axes, and an upsampling
    that antialias leaves alone; each also checked against ONNX's reference implementation."""
    from onnx.reference import ReferenceEvaluator

    def case(name, x, scales=None, sizes=None, **attrs):
        inputs = ["input", "", "scales" if scales is not None else "", "sizes" if sizes is not None else ""]
        while inputs[-1] == "":
            inputs.pop()
        inits = [numpy_helper.from_array(np.array(scales, np.float32), "scales")] if scales is not None else []
        inits += [numpy_helper.from_array(np.array(sizes, np.int64), "sizes")] if sizes is not None else []
        save_case(f"op_resize_antialias_{name}", [helper.make_node("Resize", inputs, ["y"], antialias=1, **attrs)], inits, x, ["y"], opset=18)
        folder = os.path.join(OUT, f"op_resize_antialias_{name}")
        expected = numpy_helper.to_array(onnx.load_tensor(os.path.join(folder, "test_data_set_0", "output_0.pb")))
        reference = ReferenceEvaluator(onnx.load(os.path.join(folder, "model.onnx"))).run(None, {"input": x})[0]
        assert np.allclose(reference, expected, rtol=1e-4, atol=1e-5), name

    img = rng.standard_normal((1, 2, 12, 10)).astype(np.float32)
    case("linear_scales", img, scales=[1, 1, 0.6, 0.5], mode="linear")
    case("linear_third", img, scales=[1, 1, 1 / 3, 0.4], mode="linear")
    case("cubic_sizes", img, sizes=[1, 2, 5, 4], mode="cubic")
    case("cubic_exclude_outside", img, scales=[1, 1, 0.5, 0.5], mode="cubic", exclude_outside=1, cubic_coeff_a=-0.5)
    case("linear_align_corners", img, sizes=[1, 2, 4, 7], mode="linear", coordinate_transformation_mode="align_corners")
    case("linear_axes", img, sizes=[3, 4], mode="linear", axes=[3, 2])
    case("linear_upsample", rng.standard_normal((1, 1, 3, 4)).astype(np.float32), scales=[1, 1, 2, 1.5], mode="linear")


def cast_half():
    """Casts between f64 and f16 (op_cast_half_*), which the JIT once could not link (LLVM's f64 to
    f16 truncation calls a runtime function): Cast both ways and CastLike from f64, on values
    from tiny to beyond f16's range; ONNX Runtime's results equal numpy's rounding here."""
    x = np.concatenate([rng.standard_normal(20) * 10.0 ** rng.integers(-8, 6, 20), [7e4, -1e5, 65504.0, 6e-8, 0.0]])

    def case(name, v, nodes, inits, out_type, opset=19):
        save_case(f"op_cast_half_{name}", nodes, inits, v, ["y"], opset=opset, output_types=[out_type])
        y = numpy_helper.to_array(onnx.load_tensor(os.path.join(OUT, f"op_cast_half_{name}", "test_data_set_0", "output_0.pb")))
        assert (y.astype(np.float64) == v.astype(helper.tensor_dtype_to_np_dtype(out_type)).astype(np.float64)).all(), name

    case("double_to_half", x, [helper.make_node("Cast", ["input"], ["y"], to=TensorProto.FLOAT16)], [], TensorProto.FLOAT16)
    case("half_to_double", x.astype(np.float16), [helper.make_node("Cast", ["input"], ["y"], to=TensorProto.DOUBLE)], [], TensorProto.DOUBLE)
    like = numpy_helper.from_array(np.zeros(1, np.float16), "like")
    case("castlike_double_to_half", x, [helper.make_node("CastLike", ["input", "like"], ["y"])], [like], TensorProto.FLOAT16)


def position_ops():
    """CenterCropPad (opset 18; op_center_crop_pad_*: crop and pad at once, odd differences, axes)
    and RotaryEmbedding (opset 23; op_rotary_embedding_*: 4-D and 3-D inputs, interleaved, a partial
    rotary_embedding_dim, caches gathered at position_ids or given per position); each checked
    against ONNX's reference implementation here as well."""
    from onnx.reference import ReferenceEvaluator

    def case(name, nodes, inits, x, opset):
        save_case(name, nodes, inits, x, ["y"], opset=opset)
        folder = os.path.join(OUT, name)
        expected = numpy_helper.to_array(onnx.load_tensor(os.path.join(folder, "test_data_set_0", "output_0.pb")))
        reference = ReferenceEvaluator(onnx.load(os.path.join(folder, "model.onnx"))).run(None, {"input": x})[0]
        assert np.allclose(reference, expected, rtol=1e-5, atol=1e-6), name

    def crop(name, x, shape, **attrs):
        node = helper.make_node("CenterCropPad", ["input", "shape"], ["y"], **attrs)
        case(f"op_center_crop_pad_{name}", [node], [numpy_helper.from_array(np.array(shape, np.int64), "shape")], x, 18)

    img = rng.standard_normal((2, 7, 6)).astype(np.float32)
    crop("crop_and_pad", img, [4, 5, 9])
    crop("odd_axes", img, [10, 3], axes=[1, -1])

    def rotary(name, x, cos, sin, positions=None, **attrs):
        inputs = ["input", "cos", "sin"] + (["positions"] if positions is not None else [])
        inits = [numpy_helper.from_array(cos.astype(np.float32), "cos"), numpy_helper.from_array(sin.astype(np.float32), "sin")]
        if positions is not None:
            inits.append(numpy_helper.from_array(np.array(positions, np.int64), "positions"))
        case(f"op_rotary_embedding_{name}", [helper.make_node("RotaryEmbedding", inputs, ["y"], **attrs)], inits, x, 23)

    angles = rng.uniform(0, 6.3, (16, 4))
    x4 = rng.standard_normal((2, 3, 5, 8)).astype(np.float32)
    rotary("positions", x4, np.cos(angles), np.sin(angles), positions=[[0, 3, 4, 9, 15], [1, 1, 2, 3, 5]])
    rotary("interleaved", x4, np.cos(angles), np.sin(angles), positions=[[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]], interleaved=1)
    per = rng.uniform(0, 6.3, (2, 5, 2))
    x3 = rng.standard_normal((2, 5, 12)).astype(np.float32)
    rotary("3d_partial", x3, np.cos(per), np.sin(per), num_heads=2, rotary_embedding_dim=4)
    rotary("3d_partial_interleaved", x3, np.cos(per), np.sin(per), num_heads=2, rotary_embedding_dim=4, interleaved=1)


def scatter_elements():
    """ScatterElements (op_scatter_elements_*): along axis 1 with negative indices, along axis 0
    into a 3-D tensor with indices shorter than the data, the add, mul and max reductions (opset
    18) with repeated indices, int32 indices, indices at run time, and opset 10's Scatter."""
    def case(name, x, indices, updates, opset=18, op="ScatterElements", index_type=np.int64, **attrs):
        inits = [numpy_helper.from_array(np.array(indices, index_type), "indices"), numpy_helper.from_array(np.asarray(updates, np.float32), "updates")]
        node = helper.make_node(op, ["input", "indices", "updates"], ["y"], **attrs)
        save_case(f"op_scatter_elements_{name}", [node], inits, x, ["y"], opset=opset)

    x = rng.standard_normal((3, 5)).astype(np.float32)
    case("axis1_negative", x, [[1, -1], [0, 2], [-5, 3]], rng.standard_normal((3, 2)), axis=1)
    cube = rng.standard_normal((4, 3, 2)).astype(np.float32)
    case("axis0_3d", cube, [[[3, 0]], [[1, 2]]], rng.standard_normal((2, 1, 2)))
    case("add_repeated", x, [[2, 2, 0], [4, 4, 4]], rng.standard_normal((2, 3)), axis=1, reduction="add")
    case("mul_repeated", x, [[0, 1], [0, 1]], rng.standard_normal((2, 2)), reduction="mul")
    case("max", x, [[3, 3], [1, 0]], rng.standard_normal((2, 2)), axis=1, reduction="max")
    case("int32_indices", x, [[4], [0], [2]], rng.standard_normal((3, 1)), axis=1, index_type=np.int32)
    case("scatter_opset10", x, [[0, 2, 1]], rng.standard_normal((1, 3)), opset=10, op="Scatter", axis=0)
    data = numpy_helper.from_array(rng.standard_normal((2, 4)).astype(np.float32), "data")
    updates = numpy_helper.from_array(rng.standard_normal((2, 2)).astype(np.float32), "updates")
    node = helper.make_node("ScatterElements", ["data", "input", "updates"], ["y"], axis=1)
    save_case("op_scatter_elements_runtime_indices", [node], [data, updates], np.array([[3, -4], [1, 2]], np.int64), ["y"], opset=13,
              output_types=[TensorProto.FLOAT])


def hyperbolic():
    """Tan, Sinh, Cosh, Asinh, Acosh and Atanh (op_hyperbolic_*), each on values across its domain
    (asinh out to -60 and 60, where the composition's form matters; acosh from 1; atanh inside
    (-1, 1))."""
    for op, low, high in [("Tan", -1.4, 1.4), ("Sinh", -4, 4), ("Cosh", -4, 4), ("Asinh", -60, 60), ("Acosh", 1, 30), ("Atanh", -0.95, 0.95)]:
        x = rng.uniform(low, high, (3, 7)).astype(np.float32)
        save_case(f"op_hyperbolic_{op.lower()}", [helper.make_node(op, ["input"], ["y"])], [], x, ["y"], opset=13)


def dropout_training():
    """Dropout with training_mode true and ratio 0 (op_dropout_training_zero_ratio): nothing is
    dropped, the mask is all true, as at inference."""
    x = rng.standard_normal((2, 3, 4)).astype(np.float32)
    inits = [numpy_helper.from_array(np.float32(0), "ratio"), numpy_helper.from_array(np.bool_(True), "training")]
    node = helper.make_node("Dropout", ["input", "ratio", "training"], ["y", "mask"])
    save_case("op_dropout_training_zero_ratio", [node], inits, x, ["y", "mask"], opset=13, output_types=[TensorProto.FLOAT, TensorProto.BOOL])


def depthwise_flat():
    """Depthwise convolutions whose planes go in vectors of the flattened plane (op_depthwise_flat_*):
    5 x 5 on 7 x 7 planes with a bias, ReLU and the residual add in its epilogue (two images), a
    dilated 3 x 3, a depth multiplier of 2 without a bias, padding only below and right on a 4 x 12
    plane, and an infinity at the start of a row (which a neighbouring row's outputs must not see)."""
    def conv(x_name, channels, k, out, name, pads, group, bias=True, **attrs):
        inits = [numpy_helper.from_array((rng.standard_normal((out, 1, k, k)) / k).astype(np.float32), f"{name}_w")]
        if bias:
            inits.append(numpy_helper.from_array(rng.standard_normal(out).astype(np.float32) * 0.1, f"{name}_b"))
        node = helper.make_node("Conv", [x_name] + [i.name for i in inits], [name], kernel_shape=[k, k], pads=pads, group=group, **attrs)
        return node, inits

    x = rng.standard_normal((2, 24, 7, 7)).astype(np.float32)
    node, inits = conv("input", 24, 5, 24, "c", [2] * 4, 24)
    nodes = [node, helper.make_node("Relu", ["c"], ["r"]), helper.make_node("Add", ["r", "input"], ["y"])]
    save_case("op_depthwise_flat_5x5_fused", nodes, inits, x, ["y"], opset=13)
    x = rng.standard_normal((1, 8, 6, 6)).astype(np.float32)
    node, inits = conv("input", 8, 3, 8, "y", [2] * 4, 8, dilations=[2, 2])
    save_case("op_depthwise_flat_dilated", [node], inits, x, ["y"], opset=13)
    x = rng.standard_normal((1, 4, 5, 5)).astype(np.float32)
    node, inits = conv("input", 4, 3, 8, "y", [1] * 4, 4, bias=False)
    save_case("op_depthwise_flat_multiplier", [node], inits, x, ["y"], opset=13)
    x = rng.standard_normal((1, 6, 4, 12)).astype(np.float32)
    node, inits = conv("input", 6, 3, 6, "y", [0, 0, 2, 2], 6)
    save_case("op_depthwise_flat_asymmetric", [node], inits, x, ["y"], opset=13)
    x = rng.standard_normal((1, 4, 7, 7)).astype(np.float32)
    x[0, 1, 3, 0] = np.inf
    x[0, 2, 4, 6] = -np.inf
    node, inits = conv("input", 4, 3, 4, "y", [1] * 4, 4)
    save_case("op_depthwise_flat_infinity", [node], inits, x, ["y"], opset=13)


def graph_rewrites():
    """The graph rewrites before the kernels (op_graph_rewrites): zero Pads before a strided
    convolution and between a ReLU and a max pool (Keras' ZeroPadding2D), a batch norm written
    as a per-channel Mul and Add after the convolution, a 1x1 convolution with a 2x2 average pool
    after it (DenseNet's transition), a cast to the same type and a multiplication by one."""
    x = rng.standard_normal((1, 3, 16, 16)).astype(np.float32)
    inits = [numpy_helper.from_array(a, name) for name, a in [
        ("pad_stem", np.array([0, 0, 1, 1, 0, 0, 2, 2], np.int64)),
        ("w_stem", (rng.standard_normal((8, 3, 5, 5)) / 5).astype(np.float32)),
        ("scale", (1 + 0.2 * rng.standard_normal((1, 8, 1, 1))).astype(np.float32)),
        ("shift", (0.2 * rng.standard_normal((1, 8, 1, 1))).astype(np.float32)),
        ("pad_pool", np.array([0, 0, 1, 1, 0, 0, 1, 1], np.int64)),
        ("w_1x1", (rng.standard_normal((4, 8, 1, 1)) / 3).astype(np.float32)),
        ("b_1x1", (0.1 * rng.standard_normal(4)).astype(np.float32)),
        ("one", np.array(1.0, np.float32))]]
    nodes = [helper.make_node("Pad", ["input", "pad_stem"], ["p"]),
             helper.make_node("Conv", ["p", "w_stem"], ["c"], kernel_shape=[5, 5], strides=[2, 2]),
             helper.make_node("Mul", ["c", "scale"], ["m"]),
             helper.make_node("Add", ["m", "shift"], ["a"]),
             helper.make_node("Relu", ["a"], ["r"]),
             helper.make_node("Pad", ["r", "pad_pool"], ["q"]),
             helper.make_node("MaxPool", ["q"], ["mp"], kernel_shape=[3, 3], strides=[2, 2]),
             helper.make_node("Cast", ["mp"], ["cast"], to=TensorProto.FLOAT),
             helper.make_node("Conv", ["cast", "w_1x1", "b_1x1"], ["t"], kernel_shape=[1, 1]),
             helper.make_node("AveragePool", ["t"], ["avg"], kernel_shape=[2, 2], strides=[2, 2]),
             helper.make_node("Mul", ["avg", "one"], ["y"])]
    save_case("op_graph_rewrites", nodes, inits, x, ["y"], opset=13)


FIRST = [resnet, densenet, inception, vgg, alexnet, mobilenet, shufflenet, squeezenet]
LATER = {unet: 11, audio: 12, stylenet: 13, segmenter: 14, recurrent: 15, crnn: 16, composites: 17, efficientnet: 18, einsum: 19, topk: 20, logic: 21, elementwise_more: 22, selections: 23, modulo: 24, booleans: 25, gather_elements: 26, transformer: 27, newer_opsets: 28, gather_nd: 29, scatter_nd: 30, max_pool_indices: 31, resize_antialias: 32, cast_half: 33, position_ops: 34, scatter_elements: 35, hyperbolic: 36, dropout_training: 37, depthwise_flat: 38, graph_rewrites: 39}
wanted = set(sys.argv[1:])
for build in FIRST + list(LATER):
    if build in LATER:
        rng = np.random.default_rng(LATER[build])
    if not wanted or build.__name__ in wanted:
        build()
        print("wrote", build.__name__)
