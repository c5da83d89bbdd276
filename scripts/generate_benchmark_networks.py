#!/usr/bin/env python3
"""Writes full-size (224x224) benchmark networks with random weights as ONNX files.

    python3 scripts/generate_benchmark_networks.py [OUTDIR] [--only NAME...]

The architectures follow the published ones layer by layer (the torchvision / ONNX model zoo
variants): ResNet-50, VGG-19, DenseNet-121, Inception-v1 (GoogLeNet, with LRN), SqueezeNet 1.1,
ShuffleNet v2 x1.0, MobileNet-v2 and EfficientNet-B0; beside them two small ones of the kinds that are bound by
memory and overheads: a CRNN-style OCR CNN on a 1 x 32 x 128 text line (ocr_cnn) and a tiny MLP
classifier head on 512 features (mlp_head); a mobile text-line recognizer (text_recognizer); and a
small U-Net-style segmentation network on 3 x 128 x 128 (unet: transposed convolution, Resize,
skip connections); ResNet-18; a small transformer encoder on 128 tokens of 256 features
(transformer: attention, LayerNormalization, erf GELU); and beside those, architectures the
kernels were not tuned on: Inception-v3 (3 x 299 x 299: 35 x 35 grids, 1 x 7 and 7 x 1
convolutions), ResNeXt-50 32x4d (grouped convolutions), ConvNeXt-T (7 x 7 depthwise, channels-last
layer norms, GELU MLPs), MobileNet-v3-Large (HardSwish, HardSigmoid squeeze-and-excitation),
ViT-S/16 (197 tokens), a bidirectional LSTM tagger (lstm_tagger), MobileNet-v1, ResNet-50 v2
(pre-activation) and MnasNet-B1 (5 x 5 depthwise convolutions on 7 x 7 planes). Batch normalization stays a separate node (as exported
models have it); the last one of a residual branch starts small (gamma 0.2, as trained
networks and "zero-init residual" training have it) so that activations stay in a realistic
range instead of growing with depth; weights are He-scaled normal random numbers from a fixed seed, and the batch
dimension is symbolic ("batch"): pick it with `sol-bench MODEL --shape input=4,3,224,224`.

The files are large (VGG-19 is 548 MB), so they are not committed; OUTDIR defaults to
`bench/networks` (ignored by git). `scripts/benchmark_networks.sha256` holds the checksums of
the files this script wrote with onnx 1.23 and numpy 2.4; `sha256sum -c` from OUTDIR checks them.
"""
import argparse
import os
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))


class Net:
    """A graph under construction: nodes in order, initializers, fresh names."""

    def __init__(self, name, seed):
        self.name = name
        self.rng = np.random.default_rng(seed)
        self.nodes = []
        self.inits = []
        self.count = 0

    def fresh(self, base):
        self.count += 1
        return f"{base}{self.count}"

    def tensor(self, array):
        name = self.fresh("w")
        self.inits.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def weight(self, shape, scale=None):
        fan_in = int(np.prod(shape[1:])) if len(shape) > 1 else shape[0]
        s = scale if scale is not None else np.sqrt(2.0 / fan_in)
        return self.tensor((self.rng.standard_normal(shape) * s).astype(np.float32))

    def op(self, op_type, inputs, outputs=1, **attrs):
        names = [self.fresh(op_type.lower()) for _ in range(outputs)]
        self.nodes.append(helper.make_node(op_type, inputs, names, name=names[0], **attrs))
        return names[0] if outputs == 1 else names

    def conv(self, x, cin, cout, k, stride=1, pad=None, group=1, bias=True):
        pad = k // 2 if pad is None else pad
        inputs = [x, self.weight([cout, cin // group, k, k])]
        if bias:
            inputs.append(self.weight([cout], 0.1))
        return self.op("Conv", inputs, kernel_shape=[k, k], strides=[stride, stride], pads=[pad] * 4, group=group)

    def bn(self, x, c, gamma=1.0):
        r = self.rng
        scale = self.tensor((gamma * (1 + 0.1 * r.standard_normal(c))).astype(np.float32))
        bias = self.tensor((0.1 * r.standard_normal(c)).astype(np.float32))
        mean = self.tensor((0.1 * r.standard_normal(c)).astype(np.float32))
        var = self.tensor((1 + 0.1 * np.abs(r.standard_normal(c))).astype(np.float32))
        return self.op("BatchNormalization", [x, scale, bias, mean, var], epsilon=1e-5)

    def relu(self, x):
        return self.op("Relu", [x])

    def relu6(self, x):
        return self.op("Clip", [x, self.tensor(np.float32(0)), self.tensor(np.float32(6))])

    def conv_bn(self, x, cin, cout, k, stride=1, pad=None, group=1, act="relu", gamma=1.0):
        y = self.bn(self.conv(x, cin, cout, k, stride, pad, group, bias=False), cout, gamma)
        return {"relu": self.relu, "relu6": self.relu6, None: lambda v: v}[act](y)

    def max_pool(self, x, k, stride, pad=0, ceil=0):
        return self.op("MaxPool", [x], kernel_shape=[k, k], strides=[stride, stride], pads=[pad] * 4, ceil_mode=ceil)

    def linear(self, x, cin, cout, scale=1.0):
        """A linear layer as PyTorch exports it: MatMul by a cin x cout weight, then Add of the bias."""
        return self.op("Add", [self.op("MatMul", [x, self.weight([cin, cout], scale / np.sqrt(cin))]), self.weight([cout], 0.02)])

    def layer_norm(self, x, c, epsilon):
        """LayerNormalization over the last axis of c features: unit scale, a small random bias."""
        return self.op("LayerNormalization", [x, self.tensor(np.ones(c, np.float32)), self.weight([c], 0.1)], axis=-1, epsilon=epsilon)

    def classifier(self, x, c, classes=1000):
        f = self.op("Flatten", [self.op("GlobalAveragePool", [x])], axis=1)
        return self.op("Gemm", [f, self.weight([classes, c]), self.weight([classes], 0.1)], transB=1)

    def save(self, output, folder, input_shape=(3, 224, 224), classes=1000):
        graph = helper.make_graph(
            self.nodes, self.name,
            [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", *input_shape])],
            [helper.make_tensor_value_info(output, TensorProto.FLOAT, ["batch", *np.atleast_1d(classes).tolist()])], self.inits)
        # Opset 13, or 14 for HardSwish, or 17 where LayerNormalization needs it.
        ops = {node.op_type for node in self.nodes}
        opset = 17 if "LayerNormalization" in ops else 14 if "HardSwish" in ops else 13
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], producer_name="sol-benchmark-networks")
        model.ir_version = 8
        path = os.path.join(folder, f"{self.name}.onnx")
        onnx.save(model, path)
        return path


def bottleneck_network(n, stages, expansion, groups=1):
    """ResNet-50's layout after its 7 x 7 stem: stages of bottlenecks (a 1 x 1 convolution, a 3 x 3
    one in `groups` groups, a 1 x 1 one to `expansion` times the width, and the residual add) and
    the classifier; returns the classifier's output."""
    x = n.max_pool(n.conv_bn("input", 3, 64, 7, 2, 3), 3, 2, 1)
    c = 64
    for width, blocks, stride in stages:
        for b in range(blocks):
            s = stride if b == 0 else 1
            y = n.conv_bn(x, c, width, 1, pad=0)
            y = n.conv_bn(y, width, width, 3, s, group=groups)
            y = n.conv_bn(y, width, width * expansion, 1, pad=0, act=None, gamma=0.2)
            shortcut = n.conv_bn(x, c, width * expansion, 1, s, 0, act=None) if b == 0 else x
            x = n.relu(n.op("Add", [y, shortcut]))
            c = width * expansion
    return n.classifier(x, c)


def resnet50():
    n = Net("resnet50", 1)
    return n, bottleneck_network(n, [(64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)], 4)


def resnet50_v2():
    """ResNet-50 v2 (pre-activation, the ONNX model zoo's resnet50-v2): each bottleneck starts with
    batch norm and ReLU, which the projection shortcut reads too; the convolutions that follow a
    block's input have no normalization of their own to fold, and the sum has no ReLU after it."""
    n = Net("resnet50_v2", 21)
    x = n.max_pool(n.conv_bn("input", 3, 64, 7, 2, 3), 3, 2, 1)
    c = 64
    for width, blocks, stride in [(64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)]:
        for b in range(blocks):
            s = stride if b == 0 else 1
            pre = n.relu(n.bn(x, c))
            y = n.conv_bn(pre, c, width, 1, pad=0)
            y = n.conv_bn(y, width, width, 3, s)
            y = n.conv(y, width, width * 4, 1, pad=0, bias=False)
            x = n.op("Add", [y, n.conv(pre, c, width * 4, 1, s, 0, bias=False) if b == 0 else x])
            c = width * 4
    return n, n.classifier(n.relu(n.bn(x, c)), c)


def resnet18():
    """ResNet-18: basic blocks of two 3 x 3 convolutions, 1 x 1 strided projections."""
    n = Net("resnet18", 12)
    x = n.max_pool(n.conv_bn("input", 3, 64, 7, 2, 3), 3, 2, 1)
    c = 64
    for width, stride in [(64, 1), (128, 2), (256, 2), (512, 2)]:
        for b in range(2):
            s = stride if b == 0 else 1
            y = n.conv_bn(n.conv_bn(x, c, width, 3, s), width, width, 3, act=None, gamma=0.2)
            shortcut = n.conv_bn(x, c, width, 1, s, 0, act=None) if s != 1 or c != width else x
            x = n.relu(n.op("Add", [y, shortcut]))
            c = width
    return n, n.classifier(x, c)


def vgg19():
    n = Net("vgg19", 2)
    x, c = "input", 3
    for cout, convs in [(64, 2), (128, 2), (256, 4), (512, 4), (512, 4)]:
        for _ in range(convs):
            x, c = n.relu(n.conv(x, c, cout, 3)), cout
        x = n.max_pool(x, 2, 2)
    h = n.op("Flatten", [x], axis=1)
    for cin, cout in [(512 * 49, 4096), (4096, 4096)]:
        h = n.relu(n.op("Gemm", [h, n.weight([cout, cin]), n.weight([cout], 0.1)], transB=1))
    return n, n.op("Gemm", [h, n.weight([1000, 4096]), n.weight([1000], 0.1)], transB=1)


def densenet121():
    n = Net("densenet121", 3)
    x = n.max_pool(n.conv_bn("input", 3, 64, 7, 2, 3), 3, 2, 1)
    c, growth = 64, 32
    for i, layers in enumerate([6, 12, 24, 16]):
        for _ in range(layers):
            y = n.conv(n.relu(n.bn(x, c)), c, 4 * growth, 1, pad=0, bias=False)
            y = n.conv(n.relu(n.bn(y, 4 * growth)), 4 * growth, growth, 3, bias=False)
            x, c = n.op("Concat", [x, y], axis=1), c + growth
        if i < 3:
            x = n.conv(n.relu(n.bn(x, c)), c, c // 2, 1, pad=0, bias=False)
            x, c = n.op("AveragePool", [x], kernel_shape=[2, 2], strides=[2, 2]), c // 2
    return n, n.classifier(n.relu(n.bn(x, c)), c)


def inception_v1():
    n = Net("inception_v1", 4)
    lrn = lambda v: n.op("LRN", [v], size=5, alpha=1e-4, beta=0.75, bias=1.0)
    x = lrn(n.max_pool(n.relu(n.conv("input", 3, 64, 7, 2, 3)), 3, 2, 0, ceil=1))
    x = n.relu(n.conv(x, 64, 64, 1, pad=0))
    x = n.max_pool(lrn(n.relu(n.conv(x, 64, 192, 3))), 3, 2, 0, ceil=1)
    c = 192
    stages = [[(64, 96, 128, 16, 32, 32), (128, 128, 192, 32, 96, 64)],
              [(192, 96, 208, 16, 48, 64), (160, 112, 224, 24, 64, 64), (128, 128, 256, 24, 64, 64),
               (112, 144, 288, 32, 64, 64), (256, 160, 320, 32, 128, 128)],
              [(256, 160, 320, 32, 128, 128), (384, 192, 384, 48, 128, 128)]]
    for s, stage in enumerate(stages):
        for b1, r3, b3, r5, b5, bp in stage:
            p1 = n.relu(n.conv(x, c, b1, 1, pad=0))
            p2 = n.relu(n.conv(n.relu(n.conv(x, c, r3, 1, pad=0)), r3, b3, 3))
            p3 = n.relu(n.conv(n.relu(n.conv(x, c, r5, 1, pad=0)), r5, b5, 5))
            p4 = n.relu(n.conv(n.max_pool(x, 3, 1, 1), c, bp, 1, pad=0))
            x, c = n.op("Concat", [p1, p2, p3, p4], axis=1), b1 + b3 + b5 + bp
        if s < 2:
            x = n.max_pool(x, 3, 2, 0, ceil=1)
    return n, n.classifier(x, c)


def squeezenet11():
    n = Net("squeezenet11", 5)
    x = n.max_pool(n.relu(n.conv("input", 3, 64, 3, 2, 0)), 3, 2, 0, ceil=1)
    c = 64
    for i, (squeeze, expand) in enumerate([(16, 64), (16, 64), (32, 128), (32, 128), (48, 192), (48, 192), (64, 256), (64, 256)]):
        s = n.relu(n.conv(x, c, squeeze, 1, pad=0))
        x = n.op("Concat", [n.relu(n.conv(s, squeeze, expand, 1, pad=0)), n.relu(n.conv(s, squeeze, expand, 3))], axis=1)
        c = 2 * expand
        if i in (1, 3):
            x = n.max_pool(x, 3, 2, 0, ceil=1)
    x = n.relu(n.conv(x, c, 1000, 1, pad=0))
    return n, n.op("Flatten", [n.op("GlobalAveragePool", [x])], axis=1)


def shufflenet_v2():
    n = Net("shufflenet_v2", 6)

    def shuffle(v, c, hw):
        v = n.op("Reshape", [v, n.tensor(np.array([0, 2, c // 2, hw, hw], dtype=np.int64))])
        v = n.op("Transpose", [v], perm=[0, 2, 1, 3, 4])
        return n.op("Reshape", [v, n.tensor(np.array([0, c, hw, hw], dtype=np.int64))])

    x = n.max_pool(n.conv_bn("input", 3, 24, 3, 2), 3, 2, 1)
    c, hw = 24, 56
    for cout, repeats in [(116, 4), (232, 8), (464, 4)]:
        half = cout // 2
        for r in range(repeats):
            if r == 0:
                hw //= 2
                left = n.conv_bn(n.conv_bn(x, c, c, 3, 2, group=c, act=None), c, half, 1, pad=0)
                right = n.conv_bn(x, c, half, 1, pad=0)
                right = n.conv_bn(right, half, half, 3, 2, group=half, act=None)
                right = n.conv_bn(right, half, half, 1, pad=0)
            else:
                left, right = n.op("Split", [x, n.tensor(np.array([half, half], dtype=np.int64))], outputs=2, axis=1)
                right = n.conv_bn(right, half, half, 1, pad=0)
                right = n.conv_bn(right, half, half, 3, group=half, act=None)
                right = n.conv_bn(right, half, half, 1, pad=0)
            x, c = shuffle(n.op("Concat", [left, right], axis=1), cout, hw), cout
    x = n.conv_bn(x, c, 1024, 1, pad=0)
    return n, n.classifier(x, 1024)


def mobilenet_v1():
    """MobileNet-v1 (1.0, 224): thirteen depthwise separable blocks, a 3 x 3 depthwise convolution
    and a 1 x 1 one, each with batch norm and ReLU; the 1 x 1 products are nearly all the work."""
    n = Net("mobilenet_v1", 22)
    x = n.conv_bn("input", 3, 32, 3, 2)
    c = 32
    for cout, s in [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2)] + [(512, 1)] * 5 + [(1024, 2), (1024, 1)]:
        x = n.conv_bn(n.conv_bn(x, c, c, 3, s, group=c), c, cout, 1, pad=0)
        c = cout
    return n, n.classifier(x, c)


def mnasnet():
    """MnasNet-B1 (1.0, torchvision's layout): a separable 3 x 3 stem, then inverted residuals with
    3 x 3 and 5 x 5 depthwise convolutions (expansion 3 or 6) down to 7 x 7 planes of 1152
    channels, each with batch norm; no squeeze-and-excitation."""
    n = Net("mnasnet", 23)
    x = n.conv_bn("input", 3, 32, 3, 2)
    x = n.conv_bn(n.conv_bn(x, 32, 32, 3, group=32), 32, 16, 1, pad=0, act=None)
    c = 16
    for t, k, cout, repeats, stride in [(3, 3, 24, 3, 2), (3, 5, 40, 3, 2), (6, 5, 80, 3, 2), (6, 3, 96, 2, 1), (6, 5, 192, 4, 2), (6, 3, 320, 1, 1)]:
        for r in range(repeats):
            s = stride if r == 0 else 1
            hidden = c * t
            y = n.conv_bn(x, c, hidden, 1, pad=0)
            y = n.conv_bn(y, hidden, hidden, k, s, group=hidden)
            y = n.conv_bn(y, hidden, cout, 1, pad=0, act=None, gamma=0.2 if s == 1 and c == cout else 1.0)
            x = n.op("Add", [x, y]) if s == 1 and c == cout else y
            c = cout
    x = n.conv_bn(x, c, 1280, 1, pad=0)
    return n, n.classifier(x, 1280)


def mobilenet_v2():
    n = Net("mobilenet_v2", 7)
    x = n.conv_bn("input", 3, 32, 3, 2, act="relu6")
    c = 32
    for t, cout, repeats, stride in [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2),
                                     (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]:
        for r in range(repeats):
            s = stride if r == 0 else 1
            hidden = c * t
            y = x if t == 1 else n.conv_bn(x, c, hidden, 1, pad=0, act="relu6")
            y = n.conv_bn(y, hidden, hidden, 3, s, group=hidden, act="relu6")
            y = n.conv_bn(y, hidden, cout, 1, pad=0, act=None, gamma=0.2 if s == 1 and c == cout else 1.0)
            x = n.op("Add", [x, y]) if s == 1 and c == cout else y
            c = cout
    x = n.conv_bn(x, c, 1280, 1, pad=0, act="relu6")
    return n, n.classifier(x, 1280)


def efficientnet_b0():
    """EfficientNet-B0 (torchvision's layout): MBConv blocks with depthwise 3x3 and 5x5 windows,
    squeeze-and-excitation (global pool, two 1x1 convolutions, sigmoid, scale) and SiLU written
    as x * sigmoid(x), as exporters write it."""
    n = Net("efficientnet_b0", 12)

    def silu(v):
        return n.op("Mul", [v, n.op("Sigmoid", [v])])

    x = silu(n.conv_bn("input", 3, 32, 3, 2, act=None))
    c = 32
    for t, cout, repeats, stride, k in [(1, 16, 1, 1, 3), (6, 24, 2, 2, 3), (6, 40, 2, 2, 5), (6, 80, 3, 2, 3),
                                        (6, 112, 3, 1, 5), (6, 192, 4, 2, 5), (6, 320, 1, 1, 3)]:
        for r in range(repeats):
            s = stride if r == 0 else 1
            hidden = c * t
            y = x if t == 1 else silu(n.conv_bn(x, c, hidden, 1, pad=0, act=None))
            y = silu(n.conv_bn(y, hidden, hidden, k, s, group=hidden, act=None))
            squeeze = max(1, c // 4)
            se = silu(n.conv(n.op("GlobalAveragePool", [y]), hidden, squeeze, 1, pad=0))
            y = n.op("Mul", [y, n.op("Sigmoid", [n.conv(se, squeeze, hidden, 1, pad=0)])])
            residual = s == 1 and c == cout
            y = n.conv_bn(y, hidden, cout, 1, pad=0, act=None, gamma=0.2 if residual else 1.0)
            x = n.op("Add", [x, y]) if residual else y
            c = cout
    x = silu(n.conv_bn(x, c, 1280, 1, pad=0, act=None))
    return n, n.classifier(x, 1280)


def inception_v3():
    """Inception-v3 (torchvision's layout) on a 3 x 299 x 299 image: the unpadded 3 x 3 stem, 35 x 35
    Inception-A blocks (5 x 5 and double 3 x 3 branches, average-pool branch), the strided
    reduction, 17 x 17 Inception-C blocks factorized into 1 x 7 and 7 x 1 convolutions, the second
    reduction and two 8 x 8 Inception-E blocks whose branches split into 1 x 3 and 3 x 1."""
    n = Net("inception_v3", 14)

    def cb(v, cin, cout, kh, kw=None, stride=1, pad=True):
        kw = kh if kw is None else kw
        ph, pw = (kh // 2, kw // 2) if pad else (0, 0)
        y = n.op("Conv", [v, n.weight([cout, cin, kh, kw])], kernel_shape=[kh, kw], strides=[stride, stride], pads=[ph, pw, ph, pw])
        return n.relu(n.bn(y, cout))

    def avg3(v):
        return n.op("AveragePool", [v], kernel_shape=[3, 3], strides=[1, 1], pads=[1] * 4, count_include_pad=1)

    x = cb(cb(cb("input", 3, 32, 3, stride=2, pad=False), 32, 32, 3, pad=False), 32, 64, 3)
    x = n.max_pool(x, 3, 2)
    x = n.max_pool(cb(cb(x, 64, 80, 1), 80, 192, 3, pad=False), 3, 2)
    c = 192
    for pool in (32, 64, 64):
        b1 = cb(x, c, 64, 1)
        b2 = cb(cb(x, c, 48, 1), 48, 64, 5)
        b3 = cb(cb(cb(x, c, 64, 1), 64, 96, 3), 96, 96, 3)
        x, c = n.op("Concat", [b1, b2, b3, cb(avg3(x), c, pool, 1)], axis=1), 224 + pool
    b1 = cb(x, c, 384, 3, stride=2, pad=False)
    b2 = cb(cb(cb(x, c, 64, 1), 64, 96, 3), 96, 96, 3, stride=2, pad=False)
    x, c = n.op("Concat", [b1, b2, n.max_pool(x, 3, 2)], axis=1), 480 + c
    for c7 in (128, 160, 160, 192):
        b1 = cb(x, c, 192, 1)
        b2 = cb(cb(cb(x, c, c7, 1), c7, c7, 1, 7), c7, 192, 7, 1)
        b3 = cb(cb(cb(cb(cb(x, c, c7, 1), c7, c7, 7, 1), c7, c7, 1, 7), c7, c7, 7, 1), c7, 192, 1, 7)
        x, c = n.op("Concat", [b1, b2, b3, cb(avg3(x), c, 192, 1)], axis=1), 768
    b1 = cb(cb(x, c, 192, 1), 192, 320, 3, stride=2, pad=False)
    b2 = cb(cb(cb(cb(x, c, 192, 1), 192, 192, 1, 7), 192, 192, 7, 1), 192, 192, 3, stride=2, pad=False)
    x, c = n.op("Concat", [b1, b2, n.max_pool(x, 3, 2)], axis=1), 512 + c
    for _ in range(2):
        b1 = cb(x, c, 320, 1)
        b2 = cb(x, c, 384, 1)
        b2 = n.op("Concat", [cb(b2, 384, 384, 1, 3), cb(b2, 384, 384, 3, 1)], axis=1)
        b3 = cb(cb(x, c, 448, 1), 448, 384, 3)
        b3 = n.op("Concat", [cb(b3, 384, 384, 1, 3), cb(b3, 384, 384, 3, 1)], axis=1)
        x, c = n.op("Concat", [b1, b2, b3, cb(avg3(x), c, 192, 1)], axis=1), 2048
    return n, n.classifier(x, c)


def resnext50():
    """ResNeXt-50 32x4d: ResNet-50's bottlenecks with twice the width inside and the 3 x 3
    convolution in 32 groups."""
    n = Net("resnext50", 15)
    return n, bottleneck_network(n, [(128, 3, 1), (256, 4, 2), (512, 6, 2), (1024, 3, 2)], 2, groups=32)


def convnext_t():
    """ConvNeXt-T as exported from PyTorch: a 4 x 4 patch stem, 7 x 7 depthwise convolutions, layer
    norms over channels written as Transpose, LayerNormalization, Transpose (channels-last inside
    each block), a 4x MLP of MatMul + Add with erf GELU, layer scale and the residual; 2 x 2
    strided downsampling between the stages (3, 3, 9, 3 blocks of 96 to 768 channels)."""
    n = Net("convnext_t", 16)

    def norm(v, c):
        return n.layer_norm(v, c, 1e-6)

    def channels_norm(v, c):
        return n.op("Transpose", [norm(n.op("Transpose", [v], perm=[0, 2, 3, 1]), c)], perm=[0, 3, 1, 2])

    def gelu(u):
        erf = n.op("Erf", [n.op("Mul", [u, n.tensor(np.float32(1 / np.sqrt(2)))])])
        return n.op("Mul", [n.op("Mul", [u, n.op("Add", [erf, n.tensor(np.float32(1))])]), n.tensor(np.float32(0.5))])

    x = channels_norm(n.conv("input", 3, 96, 4, 4, 0), 96)
    c = 96
    for i, (dim, depth) in enumerate([(96, 3), (192, 3), (384, 9), (768, 3)]):
        if i > 0:
            x, c = n.conv(channels_norm(x, c), c, dim, 2, 2, 0), dim
        for _ in range(depth):
            y = norm(n.op("Transpose", [n.conv(x, c, c, 7, group=c)], perm=[0, 2, 3, 1]), c)
            y = n.linear(gelu(n.linear(y, c, 4 * c)), 4 * c, c, 0.2)
            y = n.op("Mul", [y, n.tensor(np.full(c, 0.5, np.float32))])
            x = n.op("Add", [x, n.op("Transpose", [y], perm=[0, 3, 1, 2])])
    f = norm(n.op("Flatten", [n.op("GlobalAveragePool", [x])], axis=1), c)
    return n, n.op("Gemm", [f, n.weight([1000, c]), n.weight([1000], 0.1)], transB=1)


def mobilenet_v3_large():
    """MobileNet-v3-Large (torchvision's layout): inverted residuals with 3 x 3 and 5 x 5 depthwise
    windows, ReLU or HardSwish, squeeze-and-excitation with HardSigmoid, and a two-layer head."""
    n = Net("mobilenet_v3_large", 17)

    def act(v, kind):
        return n.op("HardSwish", [v]) if kind == "hs" else n.relu(v)

    x = act(n.conv_bn("input", 3, 16, 3, 2, act=None), "hs")
    c = 16
    for k, hidden, cout, se, kind, s in [(3, 16, 16, False, "re", 1), (3, 64, 24, False, "re", 2), (3, 72, 24, False, "re", 1),
                                         (5, 72, 40, True, "re", 2), (5, 120, 40, True, "re", 1), (5, 120, 40, True, "re", 1),
                                         (3, 240, 80, False, "hs", 2), (3, 200, 80, False, "hs", 1), (3, 184, 80, False, "hs", 1),
                                         (3, 184, 80, False, "hs", 1), (3, 480, 112, True, "hs", 1), (3, 672, 112, True, "hs", 1),
                                         (5, 672, 160, True, "hs", 2), (5, 960, 160, True, "hs", 1), (5, 960, 160, True, "hs", 1)]:
        y = x if hidden == c else act(n.conv_bn(x, c, hidden, 1, pad=0, act=None), kind)
        y = act(n.conv_bn(y, hidden, hidden, k, s, group=hidden, act=None), kind)
        if se:
            squeeze = max(8, (hidden // 4 + 4) // 8 * 8)
            p = n.relu(n.conv(n.op("GlobalAveragePool", [y]), hidden, squeeze, 1, pad=0))
            y = n.op("Mul", [y, n.op("HardSigmoid", [n.conv(p, squeeze, hidden, 1, pad=0)], alpha=1 / 6, beta=0.5)])
        residual = s == 1 and c == cout
        y = n.conv_bn(y, hidden, cout, 1, pad=0, act=None, gamma=0.2 if residual else 1.0)
        x, c = (n.op("Add", [x, y]) if residual else y), cout
    x = act(n.conv_bn(x, c, 960, 1, pad=0, act=None), "hs")
    f = n.op("Flatten", [n.op("GlobalAveragePool", [x])], axis=1)
    f = n.op("HardSwish", [n.op("Gemm", [f, n.weight([1280, 960]), n.weight([1280], 0.1)], transB=1)])
    return n, n.op("Gemm", [f, n.weight([1000, 1280]), n.weight([1000], 0.1)], transB=1)


def vit_s16():
    """ViT-S/16: 16 x 16 patches by a strided convolution, a class token prepended (Shape, Slice,
    Expand, Concat), 197 tokens of 384 features through 12 pre-norm layers of 6-head attention
    (one MatMul for q, k and v, Split) and an erf-GELU MLP, and the class token's classifier."""
    n = Net("vit_s16", 18)
    d, heads, hidden = 384, 6, 1536
    x = n.op("Transpose", [n.op("Reshape", [n.conv("input", 3, d, 16, 16, 0), n.tensor(np.array([0, d, 196], np.int64))])], perm=[0, 2, 1])
    batch = n.op("Slice", [n.op("Shape", [x]), n.tensor(np.array([0], np.int64)), n.tensor(np.array([1], np.int64))])
    token = n.op("Expand", [n.weight([1, 1, d], 0.02), n.op("Concat", [batch, n.tensor(np.array([1, d], np.int64))], axis=0)])
    x = n.op("Add", [n.op("Concat", [token, x], axis=1), n.weight([1, 197, d], 0.02)])
    split = n.tensor(np.array([0, 0, heads, d // heads], np.int64))
    merge = n.tensor(np.array([0, 0, d], np.int64))

    linear = n.linear

    def norm(v):
        return n.layer_norm(v, d, 1e-6)

    for _ in range(12):
        q, k, v = n.op("Split", [linear(norm(x), d, 3 * d), n.tensor(np.array([d, d, d], np.int64))], outputs=3, axis=2)
        q, k, v = (n.op("Transpose", [n.op("Reshape", [t, split])], perm=perm)
                   for t, perm in ((q, [0, 2, 1, 3]), (k, [0, 2, 3, 1]), (v, [0, 2, 1, 3])))
        scores = n.op("Mul", [n.op("MatMul", [q, k]), n.tensor(np.float32(1 / np.sqrt(d // heads)))])
        attended = n.op("MatMul", [n.op("Softmax", [scores], axis=-1), v])
        x = n.op("Add", [x, linear(n.op("Reshape", [n.op("Transpose", [attended], perm=[0, 2, 1, 3]), merge]), d, d)])
        u = linear(norm(x), d, hidden)
        erf = n.op("Erf", [n.op("Mul", [u, n.tensor(np.float32(1 / np.sqrt(2)))])])
        gelu = n.op("Mul", [n.op("Mul", [u, n.op("Add", [erf, n.tensor(np.float32(1))])]), n.tensor(np.float32(0.5))])
        x = n.op("Add", [x, linear(gelu, hidden, d)])
    token = n.op("Gather", [norm(x), n.tensor(np.array(0, np.int64))], axis=1)
    return n, n.op("Gemm", [token, n.weight([1000, d]), n.weight([1000], 0.1)], transB=1)


def ocr_cnn():
    """A small text-line recognizer's CNN (CRNN-style, as mobile OCR models have it): a 32 x 128
    gray line, conv/BN/ReLU stages with pooling that keeps the width longer, then per-column
    classes over 96 symbols, flattened."""
    n = Net("ocr_cnn", 8)
    x = n.max_pool(n.conv_bn("input", 1, 32, 3), 2, 2)
    x = n.max_pool(n.conv_bn(x, 32, 64, 3), 2, 2)
    x = n.conv_bn(n.conv_bn(x, 64, 128, 3), 128, 128, 3)
    x = n.op("MaxPool", [x], kernel_shape=[2, 1], strides=[2, 1])
    x = n.conv_bn(n.conv_bn(x, 128, 192, 3), 192, 192, 3)
    x = n.op("MaxPool", [x], kernel_shape=[4, 1], strides=[4, 1])
    x = n.conv(x, 192, 96, 1, pad=0)
    return n, n.op("Flatten", [x], axis=1)


def text_recognizer():
    """A mobile text-line recognizer of about 10 MB (PP-OCR-style): a 3 x 48 x 320 line through a
    depthwise-separable backbone with hard-swish and squeeze-excitation that halves the height
    and keeps the width, a 1 x 80 sequence of 120 features through two transformer blocks
    (layer norm, 8-head self-attention, swish MLP), and a softmax over 6625 symbols per column."""
    n = Net("text_recognizer", 10)

    def hswish(v):
        return n.op("HardSwish", [v])

    def conv_bn(v, cin, cout, k, stride=(1, 1), group=1, act=True):
        y = n.op("Conv", [v, n.weight([cout, cin // group, k, k])], kernel_shape=[k, k], strides=list(stride), pads=[k // 2] * 4, group=group)
        y = n.bn(y, cout)
        return hswish(y) if act else y

    def se(v, c):
        s = n.op("GlobalAveragePool", [v])
        s = n.relu(n.conv(s, c, c // 4, 1, pad=0))
        s = n.op("HardSigmoid", [n.conv(s, c // 4, c, 1, pad=0)], alpha=0.2, beta=0.5)
        return n.op("Mul", [v, s])

    def block(v, cin, cout, stride, k=3, squeeze=False):
        v = conv_bn(v, cin, cin, k, stride, group=cin)
        if squeeze:
            v = se(v, cin)
        return conv_bn(v, cin, cout, 1)

    x = conv_bn("input", 3, 32, 3, (2, 2))                                   # 24 x 160
    x = block(x, 32, 64, (1, 1))
    x = block(x, 64, 128, (2, 1))                                            # 12 x 160
    x = block(x, 128, 128, (1, 1))
    x = block(x, 128, 256, (2, 1))                                           # 6 x 160
    x = block(x, 256, 256, (1, 1))
    x = block(x, 256, 512, (2, 1))                                           # 3 x 160
    for i in range(4):
        x = block(x, 512, 512, (1, 1), k=5, squeeze=i >= 2)
    x = block(x, 512, 512, (2, 1), k=5, squeeze=True)                        # 2 x 160
    x = n.op("MaxPool", [x], kernel_shape=[2, 2], strides=[2, 2])            # 1 x 80
    d, t, heads = 120, 80, 8
    x = conv_bn(x, 512, d, 1)
    x = n.op("Transpose", [n.op("Reshape", [x, n.tensor(np.array([0, d, t], np.int64))])], perm=[0, 2, 1])  # batch x 80 x 192

    def linear(v, cin, cout):
        return n.op("Add", [n.op("MatMul", [v, n.weight([cin, cout])]), n.weight([cout], 0.1)])

    def norm(v):
        return n.op("LayerNormalization", [v, n.tensor(np.ones(d, np.float32)), n.tensor(np.zeros(d, np.float32))], axis=-1, epsilon=1e-6)

    def split_heads(v, perm):
        return n.op("Transpose", [n.op("Reshape", [v, n.tensor(np.array([0, t, heads, d // heads], np.int64))])], perm=perm)

    for _ in range(2):
        h = norm(x)
        q = split_heads(linear(h, d, d), [0, 2, 1, 3])
        k = split_heads(linear(h, d, d), [0, 2, 3, 1])
        v = split_heads(linear(h, d, d), [0, 2, 1, 3])
        a = n.op("Mul", [n.op("MatMul", [q, k]), n.tensor(np.float32(1 / np.sqrt(d // heads)))])
        a = n.op("MatMul", [n.op("Softmax", [a], axis=-1), v])
        a = n.op("Reshape", [n.op("Transpose", [a], perm=[0, 2, 1, 3]), n.tensor(np.array([0, t, d], np.int64))])
        x = n.op("Add", [x, linear(a, d, d)])
        h = linear(norm(x), d, 2 * d)
        h = n.op("Mul", [h, n.op("Sigmoid", [h])])
        x = n.op("Add", [x, linear(h, 2 * d, d)])
    return n, n.op("Softmax", [linear(norm(x), d, 6625)], axis=-1)


def transformer():
    """A small transformer encoder (BERT-style, pre-norm): 128 tokens of 256 features through four
    layers of 4-head self-attention (MatMul, Reshape, Transpose, Softmax) and a 1024-wide MLP with
    erf GELU, each with LayerNormalization and a residual Add."""
    n = Net("transformer", 13)
    d, heads, hidden = 256, 4, 1024
    split = n.tensor(np.array([0, 0, heads, d // heads], np.int64))
    merge = n.tensor(np.array([0, 0, d], np.int64))

    linear = n.linear

    def norm(v):
        return n.layer_norm(v, d, 1e-5)

    x = "input"
    for _ in range(4):
        h = norm(x)
        q, k, v = (n.op("Transpose", [n.op("Reshape", [linear(h, d, d), split])], perm=perm)
                   for perm in ([0, 2, 1, 3], [0, 2, 3, 1], [0, 2, 1, 3]))
        scores = n.op("Mul", [n.op("MatMul", [q, k]), n.tensor(np.float32(1 / np.sqrt(d // heads)))])
        attended = n.op("MatMul", [n.op("Softmax", [scores], axis=-1), v])
        x = n.op("Add", [x, linear(n.op("Reshape", [n.op("Transpose", [attended], perm=[0, 2, 1, 3]), merge]), d, d)])
        u = linear(norm(x), d, hidden)
        gelu = n.op("Mul", [u, n.op("Add", [n.op("Erf", [n.op("Mul", [u, n.tensor(np.float32(1 / np.sqrt(2)))])]), n.tensor(np.float32(1))])])
        x = n.op("Add", [x, linear(n.op("Mul", [gelu, n.tensor(np.float32(0.5))]), hidden, d)])
    return n, x


def lstm_tagger():
    """A sequence tagger: 64 steps of 128 features through two bidirectional LSTM layers of 256
    (ONNX's LSTM op, sequence-major), and per-step classes over 40 labels (MatMul + Add, softmax)."""
    n = Net("lstm_tagger", 19)
    x, c, h = n.op("Transpose", ["input"], perm=[1, 0, 2]), 128, 256
    for _ in range(2):
        w, r, b = n.weight([2, 4 * h, c], 1 / np.sqrt(c)), n.weight([2, 4 * h, h], 1 / np.sqrt(h)), n.weight([2, 8 * h], 0.02)
        y = n.op("LSTM", [x, w, r, b], outputs=3, hidden_size=h, direction="bidirectional")[0]
        x, c = n.op("Reshape", [n.op("Transpose", [y], perm=[0, 2, 1, 3]), n.tensor(np.array([0, 0, 2 * h], np.int64))]), 2 * h
    x = n.op("Transpose", [x], perm=[1, 0, 2])
    return n, n.op("Softmax", [n.op("Add", [n.op("MatMul", [x, n.weight([c, 40], 1 / np.sqrt(c))]), n.weight([40], 0.02)])], axis=-1)


def mlp_head():
    """A tiny classifier head: 512 features, two fully connected layers, softmax over 10."""
    n = Net("mlp_head", 9)
    x = n.relu(n.op("Gemm", ["input", n.weight([256, 512]), n.weight([256], 0.1)], transB=1))
    x = n.op("Gemm", [x, n.weight([10, 256]), n.weight([10], 0.1)], transB=1)
    return n, n.op("Softmax", [x], axis=1)


def unet():
    """A small segmentation network (U-Net-style): a 3 x 128 x 128 image through two strided
    encoder stages, upsampled back by a nearest Resize and a 2 x 2 transposed convolution with
    stride 2, each joined to its encoder stage's features (Concat), and a 1 x 1 convolution to one
    sigmoid mask of 128 x 128."""
    n = Net("unet", 11)
    e1 = n.relu(n.conv("input", 3, 32, 3))                                   # 32 x 128 x 128
    e2 = n.relu(n.conv(e1, 32, 64, 3, stride=2))                             # 64 x 64 x 64
    e3 = n.relu(n.conv(e2, 64, 128, 3, stride=2))                            # 128 x 32 x 32
    m = n.relu(n.conv(e3, 128, 128, 3))
    u1 = n.op("Resize", [m, "", n.tensor(np.array([1, 1, 2, 2], np.float32))], mode="nearest")
    d1 = n.relu(n.conv(n.op("Concat", [u1, e2], axis=1), 192, 64, 3))        # 64 x 64 x 64
    u2 = n.op("ConvTranspose", [d1, n.weight([64, 32, 2, 2]), n.weight([32], 0.1)], kernel_shape=[2, 2], strides=[2, 2])
    d2 = n.relu(n.conv(n.op("Concat", [u2, e1], axis=1), 64, 32, 3))         # 32 x 128 x 128
    x = n.op("Sigmoid", [n.conv(d2, 32, 1, 1, pad=0)])
    return n, n.op("Reshape", [x, n.tensor(np.array([0, 128, 128], np.int64))])


NETWORKS = {f.__name__: f for f in [resnet50, resnet18, vgg19, densenet121, inception_v1, squeezenet11, shufflenet_v2, mobilenet_v2,
                                    efficientnet_b0, resnext50, convnext_t, mobilenet_v3_large, vit_s16, mobilenet_v1, resnet50_v2, mnasnet]}
# Networks with inputs other than a 224 x 224 image: name -> (builder, input shape without the batch, output size).
OWN_INPUTS = {"ocr_cnn": (ocr_cnn, (1, 32, 128), 96 * 32), "mlp_head": (mlp_head, (512,), 10),
         "text_recognizer": (text_recognizer, (3, 48, 320), (80, 6625)), "unet": (unet, (3, 128, 128), (128, 128)),
         "transformer": (transformer, (128, 256), (128, 256)), "lstm_tagger": (lstm_tagger, (64, 128), (64, 40)),
         "inception_v3": (inception_v3, (3, 299, 299), 1000)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", default=os.path.join(HERE, "..", "bench", "networks"))
    parser.add_argument("--only", nargs="+", choices=sorted(NETWORKS) + sorted(OWN_INPUTS), default=list(NETWORKS) + list(OWN_INPUTS))
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    for name in args.only:
        if name in OWN_INPUTS:
            build, shape, classes = OWN_INPUTS[name]
            net, output = build()
            print("wrote", net.save(output, args.outdir, shape, classes))
        else:
            net, output = NETWORKS[name]()
            print("wrote", net.save(output, args.outdir))


if __name__ == "__main__":
    main()
