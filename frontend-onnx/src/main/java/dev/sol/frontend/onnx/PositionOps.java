package dev.sol.frontend.onnx;

import static dev.sol.frontend.onnx.NodeImporter.attrs;
import static dev.sol.frontend.onnx.NodeImporter.shapeOf;

import dev.sol.dialect.nn.Reductions;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Converters for ops that move elements by position, as compositions of nn ops with the geometry
 * fixed at import: CenterCropPad (opset 18: an image cropped or zero-padded about its centre to a
 * given size), RotaryEmbedding (opset 23: the rotary position embedding of attention layers) and
 * ScatterElements (with opset 9's Scatter: an nn.scatter_nd of full index tuples).
 */
final class PositionOps {
  private PositionOps() {}

  static void register() {
    OnnxOps.CONVERTERS.put("CenterCropPad", PositionOps::centerCropPad);
    OnnxOps.CONVERTERS.put("RotaryEmbedding", PositionOps::rotaryEmbedding);
    OnnxOps.CONVERTERS.put("ScatterElements", PositionOps::scatterElements);
    OnnxOps.CONVERTERS.put("Scatter", PositionOps::scatterElements);
  }

  /**
   * ScatterElements: each element of the updates written (or, with a reduction, combined) into
   * the data at its own position with the coordinate along {@code axis} replaced by its index
   * (negative indices counted from the end). As nn.scatter_nd, whose tuples name every
   * coordinate: the index, and for the other axes constant grids of the positions, stacked
   * along a last axis. The tuples run in the indices' row-major order, as ONNX's reference
   * applies them, so the last of repeated indices wins.
   */
  private static List<Value> scatterElements(NodeImporter n) throws ImportException {
    Value data = n.required(0);
    Value indices = n.required(1);
    Value updates = n.required(2);
    long[] ds = shapeOf(data);
    long[] is = shapeOf(indices);
    int rank = ds.length;
    int axis = Reductions.axis(n.intAttr("axis", 0), rank);
    if (is.length != rank || !Arrays.equals(shapeOf(updates), is)) {
      throw n.error("the indices " + Arrays.toString(is) + " and the updates " + Arrays.toString(shapeOf(updates))
          + " must have one shape, of the data's rank " + rank);
    }
    if (!(((ShapedType) indices.type()).element() instanceof IntegerType it)) throw n.error("indices must be integers, got " + indices.type());
    for (int d = 0; d < rank; d++) {
      if (d != axis && is[d] > ds[d]) throw n.error("the indices are " + is[d] + " long on axis " + d + ", longer than the data's " + ds[d]);
    }
    long count = ShapedType.elementCount(is);
    if (count * rank > MAX_TUPLE_ENTRIES) throw n.error(count + " index tuples of " + rank + " are more than " + MAX_TUPLE_ENTRIES + " entries");
    Value index = it.width() == 64 ? indices : OnnxOps.cast(n, indices, IntegerType.I64);
    index = MaskOps.wrapNegative(n, index, Tensor.ofLongs(IntegerType.I64, new long[0], new long[] {ds[axis]}));
    long[] column = Arrays.copyOf(is, rank + 1);
    column[rank] = 1;
    List<Value> coordinates = new ArrayList<>();
    for (int d = 0; d < rank; d++) {
      if (d == axis) {
        coordinates.add(n.reshape(index, column));
        continue;
      }
      long[] grid = new long[Math.toIntExact(count)];
      long inner = 1;
      for (int e = d + 1; e < rank; e++) inner *= is[e];
      for (int i = 0; i < grid.length; i++) grid[i] = i / inner % is[d];
      coordinates.add(n.constantValue(Tensor.ofLongs(IntegerType.I64, column, grid)));
    }
    Value tuples = n.emit("nn.concat", coordinates, attrs("axis", IntegerAttr.i64(rank)));
    String reduction = n.node.getOpType().equals("Scatter") ? "none" : n.stringAttr("reduction", "none");
    return List.of(n.emit("nn.scatter_nd", List.of(data, tuples, updates), attrs("reduction", new StringAttr(reduction))));
  }

  /** The most entries of index tuples ScatterElements builds (indices x rank). */
  private static final long MAX_TUPLE_ENTRIES = 1L << 26;

  /**
   * CenterCropPad: along each of {@code axes}, a longer axis is cut to the target size and a
   * shorter one padded with zeros to it, the centre kept; an odd difference puts the extra
   * element at the end (ONNX's reference). An nn.slice for the cuts, then an nn.pad.
   */
  private static List<Value> centerCropPad(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    long[] s = shapeOf(x);
    long[] target = n.requiredInts(1, "the shape");
    long[] axes = n.intsAttr("axes");
    if (axes == null) {
      axes = new long[s.length];
      for (int i = 0; i < s.length; i++) axes[i] = i;
    }
    if (target.length != axes.length) throw n.error("the shape has " + target.length + " entries for " + axes.length + " axes");
    long[] starts = new long[s.length];
    long[] ends = s.clone();
    long[] steps = new long[s.length];
    Arrays.fill(steps, 1);
    long[] pads = new long[2 * s.length];
    boolean crops = false;
    boolean padded = false;
    boolean[] seen = new boolean[s.length];
    for (int i = 0; i < axes.length; i++) {
      int d = Reductions.axis(axes[i], s.length);
      if (seen[d]) throw n.error("axis " + d + " appears twice in axes");
      seen[d] = true;
      long size = target[i];
      if (size < 0) throw n.error("the shape has a negative size " + size + " for axis " + d);
      long diff = Math.abs(s[d] - size);
      if (size < s[d]) {
        starts[d] = diff / 2;
        ends[d] = diff / 2 + size;
        crops = true;
      } else if (size > s[d]) {
        pads[d] = diff / 2;
        pads[d + s.length] = diff - diff / 2;
        padded = true;
      }
    }
    Value y = x;
    if (crops) {
      y = n.slice(y, starts, ends, steps);
    }
    if (padded) {
      y = n.emit("nn.pad", List.of(y), attrs("pads", DenseArrayAttr.i64(pads), "mode", new StringAttr("constant"),
          "value", new FloatAttr(FloatType.F64, 0)));
    }
    return List.of(y == x ? n.unary("nn.identity", x) : y);
  }

  /**
   * RotaryEmbedding: the input as (batch, sequence, heads, head size) (a 4-D input is (batch,
   * heads, sequence, head size), a 3-D one (batch, sequence, hidden) with num_heads), its first
   * rotary_embedding_dim features (all by default) split into halves x1, x2 (or, interleaved,
   * the even and odd features), each pair rotated by the angle whose cosine and sine the caches
   * hold for its position (the caches gathered at position_ids when given): cos x1 - sin x2
   * and sin x1 + cos x2, put back in place, the other features passed through.
   */
  private static List<Value> rotaryEmbedding(NodeImporter n) throws ImportException {
    Value x = n.required(0);
    long[] s = shapeOf(x);
    if (s.length != 3 && s.length != 4) throw n.error("expects an input of rank 3 or 4, got rank " + s.length);
    Value cos = n.required(1);
    Value sin = n.required(2);
    Value positions = n.input(3);
    boolean interleaved = n.intAttr("interleaved", 0) != 0;
    long heads = n.intAttr("num_heads", 0);
    long batch = s[0];
    long sequence = s.length == 4 ? s[2] : s[1];
    long headSize;
    Value v;
    if (s.length == 4) {
      headSize = s[3];
      v = n.transpose(x, 0, 2, 1, 3);
    } else {
      if (heads <= 0 || s[2] % heads != 0) throw n.error("a 3-D input needs num_heads dividing its " + s[2] + " features, got " + heads);
      headSize = s[2] / heads;
      v = n.reshape(x, new long[] {batch, sequence, heads, headSize});
    }
    long[] vs = shapeOf(v);
    long rotary = n.intAttr("rotary_embedding_dim", 0);
    if (rotary == 0) rotary = headSize;
    if (rotary < 2 || rotary > headSize || rotary % 2 != 0) {
      throw n.error("rotary_embedding_dim " + rotary + " must be even and at most the head size " + headSize);
    }
    long half = rotary / 2;
    if (positions != null) {
      cos = n.emit("nn.gather", List.of(cos, positions), attrs("axis", IntegerAttr.i64(0)));
      sin = n.emit("nn.gather", List.of(sin, positions), attrs("axis", IntegerAttr.i64(0)));
    }
    long[] cs = shapeOf(cos);
    if (!Arrays.equals(cs, new long[] {batch, sequence, half}) || !Arrays.equals(shapeOf(sin), cs)) {
      throw n.error("the cos and sin caches (after position_ids) must be " + batch + " x " + sequence + " x " + half + ", got "
          + Arrays.toString(cs) + " and " + Arrays.toString(shapeOf(sin)));
    }
    cos = n.reshape(cos, new long[] {batch, sequence, 1, half});
    sin = n.reshape(sin, new long[] {batch, sequence, 1, half});
    Value x1 = n.slice(v, 3, 0, interleaved ? rotary : half, interleaved ? 2 : 1);
    Value x2 = n.slice(v, 3, interleaved ? 1 : half, rotary, interleaved ? 2 : 1);
    Value real = n.sub(n.mul(cos, x1), n.mul(sin, x2));
    Value imag = n.add(n.mul(sin, x1), n.mul(cos, x2));
    Value rotated;
    if (interleaved) {
      long[] pair = {vs[0], vs[1], vs[2], half, 1};
      Value both = n.emit("nn.concat", List.of(n.reshape(real, pair), n.reshape(imag, pair)), attrs("axis", IntegerAttr.i64(4)));
      rotated = n.reshape(both, new long[] {vs[0], vs[1], vs[2], rotary});
    } else {
      rotated = n.emit("nn.concat", List.of(real, imag), attrs("axis", IntegerAttr.i64(3)));
    }
    Value y = rotary == headSize ? rotated
        : n.emit("nn.concat", List.of(rotated, n.slice(v, 3, rotary, headSize, 1)), attrs("axis", IntegerAttr.i64(3)));
    return List.of(s.length == 4 ? n.transpose(y, 0, 2, 1, 3) : n.reshape(y, s));
  }

}
