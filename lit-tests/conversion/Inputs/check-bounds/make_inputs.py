#!/usr/bin/env python3
"""Writes the inputs of ../../check-bounds.mlir: data 0..4, indices in range and one out of range (7).
Run once (needs numpy and onnx); the files are committed."""
import os
import numpy as np
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
for name, array, tensor_name in [("data.pb", np.arange(5, dtype=np.float32), "d"),
                                 ("good.pb", np.array([1, 4], dtype=np.int64), "i"),
                                 ("bad.pb", np.array([1, 7], dtype=np.int64), "i"),
                                 ("one.pb", np.zeros(1, dtype=np.float32), "out")]:
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(numpy_helper.from_array(array, tensor_name).SerializeToString())
