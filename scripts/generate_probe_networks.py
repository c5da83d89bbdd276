#!/usr/bin/env python3
"""Writes small probe networks, one per kind of model that the benchmark networks do not cover,
with random weights, as ONNX files: each exercises a few ops or shapes that a user's model may
lean on (1-D and 3-D convolutions, transposed convolutions, normalizations, attention blocks,
post-processing), so that `scripts/bench_probes.sh` can show where SOL is far from ONNX Runtime.

    python3 scripts/generate_probe_networks.py [OUTDIR]      # default bench/probes (ignored by git)

The seventh session's probes found a transposed convolution 67 times slower than ONNX Runtime's
(a gather), 1-D and 3-D convolutions 12 times (the scalar loops), and InstanceNormalization and
ArgMax unsupported; the eighth's GRU and the CRNN's LSTMs were unsupported before it.
"""
import argparse
import os
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


class Net:
    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)
        self.nodes = []
        self.inits = []
        self.count = 0

    def weight(self, shape, scale=None):
        self.count += 1
        name = f"w{self.count}"
        fan_in = int(np.prod(shape[1:])) if len(shape) > 1 else shape[0]
        s = scale if scale is not None else np.sqrt(2.0 / fan_in)
        self.inits.append(numpy_helper.from_array((self.rng.standard_normal(shape) * s).astype(np.float32), name))
        return name

    def tensor(self, array):
        self.count += 1
        name = f"t{self.count}"
        self.inits.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def op(self, op_type, inputs, **attrs):
        self.count += 1
        out = f"{op_type.lower()}{self.count}"
        self.nodes.append(helper.make_node(op_type, inputs, [out], **attrs))
        return out

    def conv(self, x, cin, cout, k, stride=1, group=1, kernel=None, pads=None):
        kh, kw = (k, k) if kernel is None else kernel
        pads = pads if pads is not None else [kh // 2, kw // 2, kh // 2, kw // 2]
        return self.op("Conv", [x, self.weight([cout, cin // group, kh, kw]), self.weight([cout], 0.1)], kernel_shape=[kh, kw],
                       strides=[stride, stride], pads=pads, group=group)

    def silu(self, x):
        return self.op("Mul", [x, self.op("Sigmoid", [x])])

    def gelu(self, x):
        e = self.op("Erf", [self.op("Div", [x, self.tensor(np.float32(np.sqrt(2)))])])
        return self.op("Mul", [self.op("Mul", [x, self.op("Add", [e, self.tensor(np.float32(1))])]), self.tensor(np.float32(0.5))])

    def save(self, folder, name, output, shape, out_type=TensorProto.FLOAT):
        graph = helper.make_graph(self.nodes, name, [helper.make_tensor_value_info("input", TensorProto.FLOAT, list(shape))],
                                  [helper.make_tensor_value_info(output, out_type, None)], self.inits)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="sol-probe-networks")
        model.ir_version = 8
        onnx.save(model, os.path.join(folder, f"{name}.onnx"))


def attention(n, x, seq, d, heads, gelu):
    def norm(v):
        return n.op("LayerNormalization", [v, n.tensor(np.ones(d, np.float32)), n.tensor(np.zeros(d, np.float32))], axis=-1)

    qkv = n.op("Add", [n.op("MatMul", [norm(x), n.weight([d, 3 * d])]), n.weight([3 * d], 0.1)])
    qkv = n.op("Transpose", [n.op("Reshape", [qkv, n.tensor(np.array([1, seq, 3, heads, d // heads], np.int64))])], perm=[2, 0, 3, 1, 4])
    q, k, v = (n.op("Gather", [qkv, n.tensor(np.array(i, np.int64))], axis=0) for i in range(3))
    scores = n.op("Mul", [n.op("MatMul", [q, n.op("Transpose", [k], perm=[0, 1, 3, 2])]), n.tensor(np.float32(1 / np.sqrt(d // heads)))])
    a = n.op("MatMul", [n.op("Softmax", [scores], axis=-1), v])
    a = n.op("Reshape", [n.op("Transpose", [a], perm=[0, 2, 1, 3]), n.tensor(np.array([1, seq, d], np.int64))])
    x = n.op("Add", [x, n.op("MatMul", [a, n.weight([d, d])])])
    h = n.op("MatMul", [norm(x), n.weight([d, 4 * d])])
    h = n.gelu(h) if gelu else n.op("Relu", [h])
    return n.op("Add", [x, n.op("MatMul", [h, n.weight([4 * d, d])])])


def probes():
    """name -> (builder returning (net, output), input shape, output type)."""
    def transformer():
        n = Net(1)
        return n, attention(n, "input", 64, 128, 4, gelu=False)

    def vit_block():
        n = Net(2)
        return n, attention(n, "input", 256, 384, 6, gelu=True)

    def mobilenet_v3_block():
        n = Net(3)
        x = n.op("HardSwish", [n.conv("input", 3, 16, 3, 2)])
        for cin, ce, cout, s in [(16, 64, 24, 2), (24, 72, 24, 1), (24, 96, 40, 2), (40, 240, 80, 2)]:
            e = n.op("HardSwish", [n.conv(x, cin, ce, 1, pads=[0] * 4)])
            dw = n.op("HardSwish", [n.conv(e, ce, ce, 3, s, group=ce)])
            g = n.op("Relu", [n.conv(n.op("GlobalAveragePool", [dw]), ce, ce // 4, 1, pads=[0] * 4)])
            g = n.op("HardSigmoid", [n.conv(g, ce // 4, ce, 1, pads=[0] * 4)])
            y = n.conv(n.op("Mul", [dw, g]), ce, cout, 1, pads=[0] * 4)
            x = n.op("Add", [y, x]) if cin == cout and s == 1 else y
        return n, n.op("Flatten", [n.op("GlobalAveragePool", [x])])

    def inception_v3_asymmetric():
        n = Net(4)
        x = n.op("Relu", [n.conv("input", 192, 128, 0, kernel=(1, 7))])
        x = n.op("Relu", [n.conv(x, 128, 128, 0, kernel=(7, 1))])
        return n, n.op("Relu", [n.conv(x, 128, 192, 0, kernel=(1, 7))])

    def resnext_grouped():
        n = Net(5)
        return n, n.op("Relu", [n.conv(n.op("Relu", [n.conv("input", 128, 128, 3, group=32)]), 128, 256, 1, pads=[0] * 4)])

    def audio_1d():
        n = Net(6)
        x = n.op("Relu", [n.op("Conv", ["input", n.weight([64, 1, 80]), n.weight([64], 0.1)], kernel_shape=[80], strides=[4], pads=[38, 38])])
        x = n.op("Relu", [n.op("Conv", [x, n.weight([64, 64, 3]), n.weight([64], 0.1)], kernel_shape=[3], pads=[1, 1])])
        x = n.op("MaxPool", [x], kernel_shape=[4], strides=[4])
        return n, n.op("Relu", [n.op("Conv", [x, n.weight([128, 64, 3]), n.weight([128], 0.1)], kernel_shape=[3], pads=[1, 1])])

    def video_3d():
        n = Net(7)
        x = n.op("Relu", [n.op("Conv", ["input", n.weight([32, 3, 3, 3, 3]), n.weight([32], 0.1)], kernel_shape=[3, 3, 3], pads=[1] * 6)])
        x = n.op("MaxPool", [x], kernel_shape=[1, 2, 2], strides=[1, 2, 2])
        return n, n.op("Relu", [n.op("Conv", [x, n.weight([64, 32, 3, 3, 3]), n.weight([64], 0.1)], kernel_shape=[3, 3, 3], pads=[1] * 6)])

    def yolo_neck():
        n = Net(8)
        x = n.op("LeakyRelu", [n.conv("input", 3, 32, 3, 2)], alpha=0.1)
        y = n.silu(n.conv(x, 32, 64, 3, 2))
        z = n.op("Concat", [y, n.op("MaxPool", [y], kernel_shape=[5, 5], strides=[1, 1], pads=[2, 2, 2, 2])], axis=1)
        u = n.op("Resize", [z, "", n.tensor(np.array([1, 1, 2, 2], np.float32))], mode="nearest")
        return n, n.conv(n.op("Concat", [u, x], axis=1), 160, 32, 3)

    def efficientnet_block():
        n = Net(9)
        x = n.silu(n.conv("input", 96, 96, 5, 2, group=96))
        s = n.silu(n.conv(n.op("GlobalAveragePool", [x]), 96, 24, 1, pads=[0] * 4))
        s = n.op("Sigmoid", [n.conv(s, 24, 96, 1, pads=[0] * 4)])
        return n, n.conv(n.op("Mul", [x, s]), 96, 40, 1, pads=[0] * 4)

    def bilinear_upsample():
        n = Net(10)
        return n, n.conv(n.op("Resize", ["input", "", n.tensor(np.array([1, 1, 2, 2], np.float32))], mode="linear"), 64, 64, 3)

    def style_transfer():
        n = Net(11)

        def norm(v, c):
            return n.op("InstanceNormalization", [v, n.weight([c], 0.5), n.weight([c], 0.1)])

        x = n.op("Relu", [norm(n.conv("input", 3, 32, 9), 32)])
        return n, n.op("Relu", [norm(n.conv(x, 32, 64, 3, 2), 64)])

    def bert_ffn():
        n = Net(12)
        return n, n.op("MatMul", [n.gelu(n.op("MatMul", ["input", n.weight([256, 1024])])), n.weight([1024, 256])])

    def depthwise_deconv():
        n = Net(13)
        return n, n.op("ConvTranspose", ["input", n.weight([64, 1, 4, 4]), n.weight([64], 0.1)], kernel_shape=[4, 4], strides=[2, 2],
                       pads=[1, 1, 1, 1], group=64)

    def segmentation_softmax():
        n = Net(14)
        return n, n.op("Softmax", [n.conv("input", 64, 21, 1, pads=[0] * 4)], axis=1)

    def segmentation_argmax():
        n = Net(15)
        return n, n.op("ArgMax", [n.conv("input", 64, 21, 1, pads=[0] * 4)], axis=1)

    def mlp_mixer_block():
        n = Net(16)
        x = n.op("MatMul", [n.op("Relu", [n.op("MatMul", [n.op("Transpose", ["input"], perm=[0, 2, 1]), n.weight([196, 256])])]),
                            n.weight([256, 196])])
        return n, n.op("Add", [n.op("Transpose", [x], perm=[0, 2, 1]), "input"])

    def l2_normalize():
        n = Net(17)
        x = n.conv("input", 64, 64, 3)
        norm = n.op("Sqrt", [n.op("ReduceSum", [n.op("Mul", [x, x]), n.tensor(np.array([1], np.int64))], keepdims=1)])
        return n, n.op("Div", [x, norm])

    def gru():
        n = Net(18)
        return n, n.op("GRU", ["input", n.weight([1, 192, 32]), n.weight([1, 192, 64])], hidden_size=64)

    def crnn_bilstm():
        # A CRNN text-line recognizer: convolutions down to one row of 32 columns, two
        # bidirectional LSTM layers of 128 over the columns, 100 class scores per column.
        n = Net(19)
        x = n.op("Relu", [n.conv("input", 1, 32, 3)])
        x = n.op("MaxPool", [x], kernel_shape=[2, 2], strides=[2, 2])
        x = n.op("Relu", [n.conv(x, 32, 64, 3)])
        x = n.op("MaxPool", [x], kernel_shape=[2, 2], strides=[2, 2])
        x = n.op("Relu", [n.conv(x, 64, 128, 3)])
        x = n.op("MaxPool", [x], kernel_shape=[8, 1], strides=[8, 1])             # 1 x 128 x 1 x 32
        x = n.op("Transpose", [n.op("Squeeze", [x, n.tensor(np.array([2], np.int64))])], perm=[2, 0, 1])
        for layer in range(2):
            cin = 128 if layer == 0 else 256
            y = n.op("LSTM", [x, n.weight([2, 512, cin]), n.weight([2, 512, 128]), n.weight([2, 1024], 0.1)], hidden_size=128,
                     direction="bidirectional")                                  # 32 x 2 x 1 x 128
            x = n.op("Reshape", [n.op("Transpose", [y], perm=[0, 2, 1, 3]), n.tensor(np.array([32, 1, 256], np.int64))])
        x = n.op("Reshape", [x, n.tensor(np.array([32, 256], np.int64))])
        return n, n.op("Gemm", [x, n.weight([100, 256]), n.weight([100], 0.1)], transB=1)

    def aspp_dilated():
        # DeepLab-v3's atrous spatial pyramid: 3x3 convolutions dilated 6, 12 and 18 beside a
        # 1x1 and an image-pooling branch, concatenated and projected.
        n = Net(20)
        branches = [n.op("Relu", [n.conv("input", 256, 64, 1, pads=[0] * 4)])]
        for d in (6, 12, 18):
            branches.append(n.op("Relu", [n.op("Conv", ["input", n.weight([64, 256, 3, 3]), n.weight([64], 0.1)], kernel_shape=[3, 3],
                                                pads=[d] * 4, dilations=[d, d])]))
        pooled = n.op("Relu", [n.conv(n.op("GlobalAveragePool", ["input"]), 256, 64, 1, pads=[0] * 4)])
        branches.append(n.op("Expand", [pooled, n.tensor(np.array([1, 64, 33, 33], np.int64))]))
        return n, n.op("Relu", [n.conv(n.op("Concat", branches, axis=1), 320, 64, 1, pads=[0] * 4)])

    def convnext_block():
        # ConvNeXt as PyTorch exports it: a 7x7 depthwise convolution, then channels-last
        # LayerNorm and a 4x MLP with GELU as MatMuls, a layer scale and the residual.
        n = Net(21)
        x = n.conv("input", 96, 96, 7, group=96)
        x = n.op("Transpose", [x], perm=[0, 2, 3, 1])
        x = n.op("LayerNormalization", [x, n.weight([96], 0.5), n.weight([96], 0.1)], axis=-1, epsilon=1e-6)
        x = n.op("Add", [n.op("MatMul", [x, n.weight([96, 384])]), n.weight([384], 0.1)])
        x = n.op("Add", [n.op("MatMul", [n.gelu(x), n.weight([384, 96])]), n.weight([96], 0.1)])
        x = n.op("Mul", [x, n.weight([96], 0.1)])
        return n, n.op("Add", ["input", n.op("Transpose", [x], perm=[0, 3, 1, 2])])

    def depthwise_multiplier():
        # Depthwise with a channel multiplier of 2 (32 groups, 64 outputs), as in Xception-like nets.
        n = Net(22)
        return n, n.op("Relu", [n.conv("input", 32, 64, 3, group=32)])

    def alexnet_classifier():
        # AlexNet's classifier at batch 1: 9216 -> 4096 -> 4096 -> 1000, 58.6 M weights (matrix-vector products).
        n = Net(23)
        x = n.op("Relu", [n.op("Gemm", ["input", n.weight([4096, 9216]), n.weight([4096], 0.1)], transB=1)])
        x = n.op("Relu", [n.op("Gemm", [x, n.weight([4096, 4096]), n.weight([4096], 0.1)], transB=1)])
        return n, n.op("Gemm", [x, n.weight([1000, 4096]), n.weight([1000], 0.1)], transB=1)

    def espcn_super_resolution():
        # ESPCN: 5x5 and 3x3 convolutions at low resolution, then DepthToSpace by 3.
        n = Net(24)
        x = n.op("Tanh", [n.conv("input", 1, 64, 5)])
        x = n.op("Tanh", [n.conv(x, 64, 32, 3)])
        return n, n.op("DepthToSpace", [n.conv(x, 32, 9, 3)], blocksize=3)

    def prelu_face():
        # MobileFaceNet-style: PRelu after a strided stem and depthwise-separable blocks.
        n = Net(25)
        def prelu(v, c):
            return n.op("PRelu", [v, n.tensor((n.rng.random((c, 1, 1)) * 0.25).astype(np.float32))])
        x = prelu(n.conv("input", 3, 64, 3, 2), 64)
        x = prelu(n.conv(x, 64, 64, 3, group=64), 64)
        x = prelu(n.conv(x, 64, 128, 1, pads=[0] * 4), 128)
        x = prelu(n.conv(x, 128, 128, 3, 2, group=128), 128)
        return n, n.conv(x, 128, 64, 1, pads=[0] * 4)

    def tf_same_padding():
        # A TensorFlow-converted strided convolution: SAME padding is one pixel at the bottom and right only.
        n = Net(26)
        x = n.op("Relu", [n.conv("input", 32, 64, 3, 2, pads=[0, 0, 1, 1])])
        return n, n.op("Relu", [n.conv(x, 64, 128, 3, 2, pads=[0, 0, 1, 1])])

    def gpt2_block_decomposed():
        # A GPT-2-style block as older exporters write it: LayerNorm as ReduceMean, Sub, Pow,
        # Sqrt, Div; GELU's tanh form as Pow, Mul, Add, Tanh; attention over 128 tokens of 256.
        n = Net(27)
        def layer_norm(v):
            mean = n.op("ReduceMean", [v], axes=[-1])
            d = n.op("Sub", [v, mean])
            var = n.op("ReduceMean", [n.op("Pow", [d, n.tensor(np.float32(2))])], axes=[-1])
            std = n.op("Sqrt", [n.op("Add", [var, n.tensor(np.float32(1e-5))])])
            return n.op("Add", [n.op("Mul", [n.op("Div", [d, std]), n.weight([256], 0.5)]), n.weight([256], 0.1)])
        x = layer_norm("input")
        qkv = n.op("Add", [n.op("MatMul", [x, n.weight([256, 768])]), n.weight([768], 0.1)])
        q, k, v = [n.op("Transpose", [n.op("Reshape", [n.op("Slice", [qkv, n.tensor(np.array([i * 256], np.int64)),
                   n.tensor(np.array([(i + 1) * 256], np.int64)), n.tensor(np.array([2], np.int64))]),
                   n.tensor(np.array([1, 128, 4, 64], np.int64))])], perm=[0, 2, 1, 3]) for i in range(3)]
        scores = n.op("Div", [n.op("MatMul", [q, n.op("Transpose", [k], perm=[0, 1, 3, 2])]), n.tensor(np.float32(8))])
        scores = n.op("Add", [scores, n.tensor(np.triu(np.full((128, 128), -1e4, np.float32), 1))])
        a = n.op("MatMul", [n.op("Softmax", [scores], axis=-1), v])
        a = n.op("Reshape", [n.op("Transpose", [a], perm=[0, 2, 1, 3]), n.tensor(np.array([1, 128, 256], np.int64))])
        x = n.op("Add", ["input", n.op("MatMul", [a, n.weight([256, 256])])])
        h = n.op("Add", [n.op("MatMul", [layer_norm(x), n.weight([256, 1024])]), n.weight([1024], 0.1)])
        inner = n.op("Mul", [n.op("Add", [h, n.op("Mul", [n.op("Pow", [h, n.tensor(np.float32(3))]), n.tensor(np.float32(0.044715))])]),
                             n.tensor(np.float32(np.sqrt(2 / np.pi)))])
        g = n.op("Mul", [n.op("Mul", [h, n.tensor(np.float32(0.5))]), n.op("Add", [n.op("Tanh", [inner]), n.tensor(np.float32(1))])])
        return n, n.op("Add", [x, n.op("MatMul", [g, n.weight([1024, 256])])])

    def cbam_attention():
        # CBAM: channel attention (average and max pooled through a shared MLP, sigmoid), then
        # spatial attention (mean and max over channels, a 7x7 convolution, sigmoid).
        n = Net(28)
        x = n.op("Relu", [n.conv("input", 64, 64, 3)])
        w1, w2 = n.weight([16, 64, 1, 1]), n.weight([64, 16, 1, 1])
        def mlp(v):
            return n.op("Conv", [n.op("Relu", [n.op("Conv", [v, w1])]), w2])
        ca = n.op("Sigmoid", [n.op("Add", [mlp(n.op("GlobalAveragePool", [x])), mlp(n.op("GlobalMaxPool", [x]))])])
        x = n.op("Mul", [x, ca])
        pooled = n.op("Concat", [n.op("ReduceMean", [x], axes=[1]), n.op("ReduceMax", [x], axes=[1])], axis=1)
        return n, n.op("Mul", [x, n.op("Sigmoid", [n.conv(pooled, 2, 1, 7)])])

    def group_norm_exported():
        # GroupNorm as PyTorch exported it before opset 18: Reshape to groups, InstanceNormalization, Reshape back, scale and bias.
        n = Net(29)
        x = n.conv("input", 64, 64, 3)
        g = n.op("Reshape", [x, n.tensor(np.array([1, 8, -1], np.int64))])
        g = n.op("InstanceNormalization", [g, n.tensor(np.ones(8, np.float32)), n.tensor(np.zeros(8, np.float32))], epsilon=1e-5)
        g = n.op("Reshape", [g, n.tensor(np.array([1, 64, 56, 56], np.int64))])
        g = n.op("Add", [n.op("Mul", [g, n.weight([64, 1, 1], 0.5)]), n.weight([64, 1, 1], 0.1)])
        return n, n.silu(g)

    def channels_first_layer_norm():
        # ConvNeXt's channels-first LayerNorm written out: mean and variance over the channel axis of NCHW.
        n = Net(30)
        x = n.conv("input", 96, 96, 7, group=96)
        mean = n.op("ReduceMean", [x], axes=[1])
        d = n.op("Sub", [x, mean])
        var = n.op("ReduceMean", [n.op("Mul", [d, d])], axes=[1])
        y = n.op("Div", [d, n.op("Sqrt", [n.op("Add", [var, n.tensor(np.float32(1e-6))])])])
        return n, n.op("Add", [n.op("Mul", [y, n.weight([96, 1, 1], 0.5)]), n.weight([96, 1, 1], 0.1)])

    def reflect_pad_conv():
        # Fast neural style's layers: reflection padding, then an unpadded 3x3 convolution.
        n = Net(31)
        x = n.op("Pad", ["input", n.tensor(np.array([0, 0, 1, 1, 0, 0, 1, 1], np.int64))], mode="reflect")
        x = n.op("Relu", [n.conv(x, 64, 64, 3, pads=[0] * 4)])
        x = n.op("Pad", [x, n.tensor(np.array([0, 0, 1, 1, 0, 0, 1, 1], np.int64))], mode="reflect")
        return n, n.conv(x, 64, 64, 3, pads=[0] * 4)

    def pooling_variety():
        # Inception-v3's 3x3 average pooling at stride 1 without the padding in the count, and
        # GoogLeNet's LRN.
        n = Net(32)
        x = n.op("AveragePool", ["input"], kernel_shape=[3, 3], strides=[1, 1], pads=[1, 1, 1, 1], count_include_pad=0)
        x = n.op("LRN", [x], size=5, alpha=1e-4, beta=0.75, bias=1.0)
        return n, n.op("MaxPool", [x], kernel_shape=[3, 3], strides=[2, 2], pads=[0, 0, 1, 1])

    def downsample_shortcut():
        # ResNet's projection shortcut: a 1x1 convolution with stride 2, 256 -> 512 channels.
        n = Net(33)
        return n, n.conv("input", 256, 512, 1, 2, pads=[0] * 4)

    def depthwise_variety():
        # MnasNet/EfficientNet's 5x5 depthwise convolution at stride 2, and a dilated 3x3
        # depthwise one (DeepLab's MobileNet backbone).
        n = Net(34)
        x = n.op("Relu", [n.conv("input", 144, 144, 5, 2, group=144)])
        return n, n.op("Relu", [n.op("Conv", [x, n.weight([144, 1, 3, 3]), n.weight([144], 0.1)], kernel_shape=[3, 3], pads=[2] * 4,
                                            dilations=[2, 2], group=144)])

    def deconv_4x4():
        # DCGAN/FCN-style upsampling: a 4x4 transposed convolution at stride 2, 256 -> 128 channels.
        n = Net(35)
        return n, n.op("Relu", [n.op("ConvTranspose", ["input", n.weight([256, 128, 4, 4]), n.weight([128], 0.1)], kernel_shape=[4, 4],
                                     strides=[2, 2], pads=[1, 1, 1, 1])])

    def keras_zero_padding():
        # A Keras-exported CNN (tf2onnx): ZeroPadding2D as Pad before the 7x7 stem and between its
        # ReLU and the 3x3 max pool, a batch normalization written as Mul and Add per channel, and
        # a MobileNet-style stride-2 depthwise convolution after TensorFlow's one-sided Pad.
        n = Net(36)
        def pad(v, begin, end):
            return n.op("Pad", [v, n.tensor(np.array([0, 0, begin, begin, 0, 0, end, end], np.int64))])
        def scaled(v, c):
            return n.op("Add", [n.op("Mul", [v, n.tensor((1 + 0.1 * n.rng.standard_normal((1, c, 1, 1))).astype(np.float32))]),
                                n.tensor((0.1 * n.rng.standard_normal((1, c, 1, 1))).astype(np.float32))])
        x = n.op("Relu", [scaled(n.conv(pad("input", 3, 3), 3, 64, 7, 2, pads=[0] * 4), 64)])
        x = n.op("MaxPool", [pad(x, 1, 1)], kernel_shape=[3, 3], strides=[2, 2])
        x = n.op("Clip", [scaled(n.conv(pad(x, 0, 1), 64, 64, 3, 2, group=64, pads=[0] * 4), 64), n.tensor(np.float32(0)), n.tensor(np.float32(6))])
        return n, n.op("Relu", [n.conv(x, 64, 128, 1, pads=[0] * 4)])

    def densenet_transition():
        # DenseNet's transition between dense blocks: BN, ReLU, a 1x1 convolution to half the
        # channels, a 2x2 average pool at stride 2; then the next block's first BN, ReLU, 1x1.
        n = Net(37)
        def bn_relu(v, c):
            return n.op("Relu", [n.op("BatchNormalization", [v, n.tensor(np.ones(c, np.float32)), n.tensor(np.full(c, 0.1, np.float32)),
                                                             n.tensor(np.zeros(c, np.float32)), n.tensor(np.ones(c, np.float32))])])
        x = n.conv(bn_relu("input", 256), 256, 128, 1, pads=[0] * 4)
        x = n.op("AveragePool", [x], kernel_shape=[2, 2], strides=[2, 2])
        return n, n.conv(bn_relu(x, 128), 128, 128, 1, pads=[0] * 4)

    def pose_deconv_head():
        # SimpleBaseline's pose head after a ResNet: three 4x4 transposed convolutions at stride
        # 2 (512 -> 256 -> 256 -> 256 channels, 8 x 6 -> 64 x 48), each with a batch norm and a
        # ReLU, then a 1x1 convolution to 17 keypoint heatmaps.
        n = Net(38)
        x, cin = "input", 512
        for _ in range(3):
            x = n.op("ConvTranspose", [x, n.weight([cin, 256, 4, 4])], kernel_shape=[4, 4], strides=[2, 2], pads=[1, 1, 1, 1])
            x = n.op("Relu", [n.op("BatchNormalization", [x, n.tensor((1 + 0.1 * n.rng.standard_normal(256)).astype(np.float32)),
                                                          n.tensor((0.1 * n.rng.standard_normal(256)).astype(np.float32)),
                                                          n.tensor((0.1 * n.rng.standard_normal(256)).astype(np.float32)),
                                                          n.tensor((1 + 0.1 * n.rng.random(256)).astype(np.float32))])])
            cin = 256
        return n, n.conv(x, 256, 17, 1, pads=[0] * 4)

    def dilated_stage():
        # DeepLab-v3's last ResNet stage at output stride 16 (21 x 21 from a 321 x 321 image): a
        # residual block of two 3x3 convolutions of 256 channels dilated 2.
        n = Net(39)
        x = n.op("Relu", [n.op("Conv", ["input", n.weight([256, 256, 3, 3]), n.weight([256], 0.1)], kernel_shape=[3, 3],
                                pads=[2] * 4, dilations=[2, 2])])
        y = n.op("Conv", [x, n.weight([256, 256, 3, 3]), n.weight([256], 0.1)], kernel_shape=[3, 3], pads=[2] * 4, dilations=[2, 2])
        return n, n.op("Relu", [n.op("Add", [y, "input"])])

    f32, i64 = TensorProto.FLOAT, TensorProto.INT64
    return {
        "transformer": (transformer, [1, 64, 128], f32),
        "vit_block": (vit_block, [1, 256, 384], f32),
        "mobilenet_v3_block": (mobilenet_v3_block, [1, 3, 224, 224], f32),
        "inception_v3_asymmetric": (inception_v3_asymmetric, [1, 192, 17, 17], f32),
        "resnext_grouped": (resnext_grouped, [1, 128, 56, 56], f32),
        "audio_1d": (audio_1d, [1, 1, 16000], f32),
        "video_3d": (video_3d, [1, 3, 8, 64, 64], f32),
        "yolo_neck": (yolo_neck, [1, 3, 256, 256], f32),
        "efficientnet_block": (efficientnet_block, [1, 96, 112, 112], f32),
        "bilinear_upsample": (bilinear_upsample, [1, 64, 56, 56], f32),
        "style_transfer": (style_transfer, [1, 3, 256, 256], f32),
        "bert_ffn": (bert_ffn, [1, 128, 256], f32),
        "depthwise_deconv": (depthwise_deconv, [1, 64, 64, 64], f32),
        "segmentation_softmax": (segmentation_softmax, [1, 64, 128, 128], f32),
        "segmentation_argmax": (segmentation_argmax, [1, 64, 128, 128], i64),
        "mlp_mixer_block": (mlp_mixer_block, [1, 196, 512], f32),
        "l2_normalize": (l2_normalize, [1, 64, 56, 56], f32),
        "gru": (gru, [20, 1, 32], f32),
        "crnn_bilstm": (crnn_bilstm, [1, 1, 32, 128], f32),
        "aspp_dilated": (aspp_dilated, [1, 256, 33, 33], f32),
        "convnext_block": (convnext_block, [1, 96, 56, 56], f32),
        "depthwise_multiplier": (depthwise_multiplier, [1, 32, 56, 56], f32),
        "alexnet_classifier": (alexnet_classifier, [1, 9216], f32),
        "espcn_super_resolution": (espcn_super_resolution, [1, 1, 224, 224], f32),
        "prelu_face": (prelu_face, [1, 3, 112, 112], f32),
        "tf_same_padding": (tf_same_padding, [1, 32, 112, 112], f32),
        "gpt2_block_decomposed": (gpt2_block_decomposed, [1, 128, 256], f32),
        "cbam_attention": (cbam_attention, [1, 64, 56, 56], f32),
        "group_norm_exported": (group_norm_exported, [1, 64, 56, 56], f32),
        "channels_first_layer_norm": (channels_first_layer_norm, [1, 96, 56, 56], f32),
        "reflect_pad_conv": (reflect_pad_conv, [1, 64, 64, 64], f32),
        "pooling_variety": (pooling_variety, [1, 192, 56, 56], f32),
        "downsample_shortcut": (downsample_shortcut, [1, 256, 56, 56], f32),
        "depthwise_variety": (depthwise_variety, [1, 144, 56, 56], f32),
        "deconv_4x4": (deconv_4x4, [1, 256, 16, 16], f32),
        "keras_zero_padding": (keras_zero_padding, [1, 3, 224, 224], f32),
        "densenet_transition": (densenet_transition, [1, 256, 56, 56], f32),
        "pose_deconv_head": (pose_deconv_head, [1, 512, 8, 6], f32),
        "dilated_stage": (dilated_stage, [1, 256, 21, 21], f32),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench", "probes"))
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    for name, (build, shape, out_type) in probes().items():
        net, output = build()
        net.save(args.outdir, name, output, shape, out_type)
        print("wrote", os.path.join(args.outdir, f"{name}.onnx"))


if __name__ == "__main__":
    main()
