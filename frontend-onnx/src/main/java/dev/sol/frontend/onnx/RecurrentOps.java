package dev.sol.frontend.onnx;

import static dev.sol.frontend.onnx.NodeImporter.attrs;
import static dev.sol.frontend.onnx.NodeImporter.shapeOf;

import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * LSTM, GRU and RNN, unrolled over their (static) sequence into nn operations.
 *
 * <p>Per direction, the input projection of every time step is one product ({@code X W^T + b}
 * over all T x batch rows, the input and recurrence biases added once); each step then adds
 * its recurrence product {@code H R^T} and applies the gates, so the serial part of the work
 * is a matrix-vector product per step, as in ONNX Runtime's own kernels. Gate order, biases,
 * peepholes, {@code clip}, {@code input_forget}, {@code linear_before_reset}, the activation
 * list with its alphas and betas, both layouts and all three directions follow the ONNX
 * operator definitions. Sequence lengths shorter than the sequence are not supported: a run
 * that stopped some batch entries early needs masks the unrolled form does not have.
 */
final class RecurrentOps {
  private RecurrentOps() {}

  /**
   * The most steps (over all directions) unrolled: each is some 15 nn ops and a kernel of its
   * own, so a longer sequence would take minutes to compile rather than fail.
   */
  static final long MAX_UNROLLED_STEPS = 4096;

  static void register() {
    OnnxOps.CONVERTERS.put("LSTM", n -> new Recurrence(n, Cell.LSTM).convert());
    OnnxOps.CONVERTERS.put("GRU", n -> new Recurrence(n, Cell.GRU).convert());
    OnnxOps.CONVERTERS.put("RNN", n -> new Recurrence(n, Cell.RNN).convert());
  }

  /** The three cells: gates per step and the default activations of one direction. */
  private enum Cell {
    LSTM(4, List.of("Sigmoid", "Tanh", "Tanh")),
    GRU(3, List.of("Sigmoid", "Tanh")),
    RNN(1, List.of("Tanh"));

    final int gates;
    final List<String> activations;

    Cell(int gates, List<String> activations) {
      this.gates = gates;
      this.activations = activations;
    }
  }

  /** An activation of the node's list with the alpha and beta it consumed. */
  private record Activation(String name, double alpha, double beta) {}

  private static final class Recurrence {
    final NodeImporter n;
    final Cell cell;
    final long hidden;
    final int directions;
    final boolean reverseOnly;
    final boolean batchFirst;
    final double clip;
    final List<Activation> activations;
    long steps;
    long batch;

    Recurrence(NodeImporter n, Cell cell) throws ImportException {
      this.n = n;
      this.cell = cell;
      String direction = n.stringAttr("direction", "forward");
      switch (direction) {
        case "forward", "reverse" -> directions = 1;
        case "bidirectional" -> directions = 2;
        default -> throw n.error("direction '" + direction + "' is not one of forward, reverse, bidirectional");
      }
      reverseOnly = direction.equals("reverse");
      batchFirst = n.intAttr("layout", 0) != 0;
      clip = n.floatAttr("clip", Double.NaN);
      if (!Double.isNaN(clip) && !(clip > 0)) throw n.error("clip must be positive, got " + clip);
      if (n.attr("hidden_size") == null) throw n.error("attribute 'hidden_size' is required");
      hidden = n.intAttr("hidden_size", 0);
      if (hidden <= 0) throw n.error("hidden_size must be positive, got " + hidden);
      activations = activations();
    }

    /** The activations of every direction in order, alphas and betas consumed by the functions that take them (as ONNX Runtime does). */
    private List<Activation> activations() throws ImportException {
      var given = n.attr("activations");
      int perDirection = cell.activations.size();
      List<String> names = new ArrayList<>();
      if (given == null) {
        for (int d = 0; d < directions; d++) names.addAll(cell.activations);
      } else {
        given.getStringsList().forEach(s -> names.add(s.toStringUtf8()));
        if (names.size() != perDirection * directions) {
          throw n.error("'activations' lists " + names.size() + " functions; " + n.node.getOpType() + " with " + directions
              + " direction(s) needs " + perDirection * directions);
        }
      }
      List<Float> alphas = n.attr("activation_alpha") == null ? List.of() : n.attr("activation_alpha").getFloatsList();
      List<Float> betas = n.attr("activation_beta") == null ? List.of() : n.attr("activation_beta").getFloatsList();
      int ai = 0;
      int bi = 0;
      List<Activation> out = new ArrayList<>();
      for (String name : names) {
        String key = name.toLowerCase(Locale.ROOT);
        double alpha = switch (key) {
          case "leakyrelu" -> 0.01;
          case "hardsigmoid" -> 0.2;
          case "affine", "scaledtanh" -> 1.0;
          default -> Double.NaN;
        };
        double beta = switch (key) {
          case "hardsigmoid" -> 0.5;
          case "affine", "scaledtanh" -> key.equals("affine") ? 0.0 : 1.0;
          default -> Double.NaN;
        };
        switch (key) {
          case "sigmoid", "tanh", "relu", "softplus", "leakyrelu", "hardsigmoid", "affine", "scaledtanh" -> { }
          default -> throw n.error("activation '" + name + "' is not supported (supported: Sigmoid, Tanh, Relu, Softplus, LeakyRelu, "
              + "HardSigmoid, Affine, ScaledTanh)");
        }
        if (!Double.isNaN(alpha) && ai < alphas.size()) alpha = alphas.get(ai++);
        if (!Double.isNaN(beta) && bi < betas.size()) beta = betas.get(bi++);
        out.add(new Activation(key, alpha, beta));
      }
      return out;
    }

    List<Value> convert() throws ImportException {
      Value x = n.required(0);
      Value w = n.required(1);
      Value r = n.required(2);
      Value bias = n.input(3);
      long[] xs = shapeOf(x);
      if (xs.length != 3) throw n.error("X must have rank 3, got shape " + ShapedType.describe(xs));
      for (long d : xs) {
        if (d == ShapedType.DYNAMIC) throw n.error("X has shape " + ShapedType.describe(xs) + "; the sequence is unrolled, so its shape must be known (give it with --shape)");
      }
      if (!(((ShapedType) x.type()).element() instanceof FloatType)) throw n.error("X must be a floating-point tensor");
      if (batchFirst) x = n.transpose(x, 1, 0, 2);
      steps = shapeOf(x)[0];
      batch = shapeOf(x)[1];
      if (steps * directions > MAX_UNROLLED_STEPS) {
        throw n.error("a sequence of " + steps + " steps" + (directions > 1 ? " in both directions" : "") + " is more than the "
            + MAX_UNROLLED_STEPS + " steps SOL unrolls");
      }
      long input = shapeOf(x)[2];
      long g = cell.gates * hidden;
      expectShape(w, "W", directions, g, input);
      expectShape(r, "R", directions, g, hidden);
      if (bias != null) expectShape(bias, "B", directions, 2 * g);
      checkSequenceLengths();
      Value h0 = n.input(5);
      Value c0 = cell == Cell.LSTM ? n.input(6) : null;
      Value peep = cell == Cell.LSTM ? n.input(7) : null;
      if (h0 != null) expectShape(h0, "initial_h", directions, batch, hidden);
      if (c0 != null) expectShape(c0, "initial_c", directions, batch, hidden);
      if (peep != null) expectShape(peep, "P", directions, 3 * hidden);
      if (n.intAttr("input_forget", 0) != 0 && cell != Cell.LSTM) throw n.error("input_forget applies to LSTM only");

      List<Value> ys = new ArrayList<>();
      List<Value> lastH = new ArrayList<>();
      List<Value> lastC = new ArrayList<>();
      Value flatX = n.reshape(x, new long[] {steps * batch, input});
      for (int d = 0; d < directions; d++) {
        boolean backwards = reverseOnly || d == 1;
        Value wd = direction(w, d);
        Value rd = direction(r, d);
        Value wb = bias == null ? null : slice(direction(bias, d), 0, 0, g);
        Value rb = bias == null ? null : slice(direction(bias, d), 0, g, 2 * g);
        // GRU's candidate gate with linear_before_reset keeps its recurrence bias inside the reset product.
        boolean resetBias = cell == Cell.GRU && n.intAttr("linear_before_reset", 0) != 0;
        Value inputBias = wb;
        if (bias != null) {
          Value folded = rb;
          if (resetBias) folded = n.emit("nn.concat", List.of(slice(rb, 0, 0, 2 * hidden), zeros(hidden)), attrs("axis", IntegerAttr.i64(0)));
          inputBias = n.add(wb, folded);
        }
        List<Value> operands = new ArrayList<>(List.of(flatX, wd));
        if (inputBias != null) operands.add(inputBias);
        Value projected = n.emit("nn.gemm", operands, attrs("trans_b", IntegerAttr.i64(1)));
        Value h = h0 == null ? zeros(batch, hidden) : direction(h0, d);
        Value c = cell != Cell.LSTM ? null : c0 == null ? zeros(batch, hidden) : direction(c0, d);
        Value pd = peep == null ? null : direction(peep, d);
        Value hiddenBias = resetBias ? slice(rb, 0, 2 * hidden, 3 * hidden) : null;
        List<Activation> acts = activations.subList(d * cell.activations.size(), (d + 1) * cell.activations.size());
        Value[] outputs = new Value[(int) steps];
        for (long s = 0; s < steps; s++) {
          long t = backwards ? steps - 1 - s : s;
          Value xt = slice(projected, 0, t * batch, (t + 1) * batch);
          switch (cell) {
            case LSTM -> {
              Value[] hc = lstmStep(xt, h, c, rd, pd, acts);
              h = hc[0];
              c = hc[1];
            }
            case GRU -> h = gruStep(xt, h, rd, hiddenBias, resetBias, acts);
            case RNN -> h = activate(clipped(n.add(xt, product(h, rd))), acts.get(0));
          }
          outputs[(int) t] = n.reshape(h, new long[] {1, 1, batch, hidden});
        }
        ys.add(steps == 1 ? outputs[0] : n.emit("nn.concat", List.of(outputs), attrs("axis", IntegerAttr.i64(0))));
        lastH.add(n.reshape(h, new long[] {1, batch, hidden}));
        if (c != null) lastC.add(n.reshape(c, new long[] {1, batch, hidden}));
      }
      Value y = concat(ys, 1);
      Value yh = concat(lastH, 0);
      Value yc = lastC.isEmpty() ? null : concat(lastC, 0);
      if (batchFirst) {
        y = n.transpose(y, 2, 0, 1, 3);
        yh = n.transpose(yh, 1, 0, 2);
        if (yc != null) yc = n.transpose(yc, 1, 0, 2);
      }
      List<Value> results = new ArrayList<>(List.of(y, yh));
      if (yc != null) results.add(yc);
      return results;
    }

    /** i, o, f, c gates (ONNX's order); returns the new H and C. */
    private Value[] lstmStep(Value xt, Value h, Value c, Value r, Value peep, List<Activation> acts) throws ImportException {
      Value gates = n.add(xt, product(h, r));
      Value i = gate(gates, 0);
      Value o = gate(gates, 1);
      Value f = gate(gates, 2);
      Value candidate = gate(gates, 3);
      if (peep != null) {
        i = n.add(i, n.emit("nn.mul", List.of(slice(peep, 0, 0, hidden), c), DictionaryAttr.EMPTY));
        f = n.add(f, n.emit("nn.mul", List.of(slice(peep, 0, 2 * hidden, 3 * hidden), c), DictionaryAttr.EMPTY));
      }
      i = activate(clipped(i), acts.get(0));
      f = n.intAttr("input_forget", 0) != 0 ? n.sub(one(), i) : activate(clipped(f), acts.get(0));
      candidate = activate(clipped(candidate), acts.get(1));
      Value cNext = n.add(n.mul(f, c), n.mul(i, candidate));
      if (peep != null) o = n.add(o, n.mul(slice(peep, 0, hidden, 2 * hidden), cNext));
      o = activate(clipped(o), acts.get(0));
      Value hNext = n.mul(o, activate(cNext, acts.get(2)));
      return new Value[] {hNext, cNext};
    }

    /** z, r, h gates (ONNX's order); returns the new H. */
    private Value gruStep(Value xt, Value h, Value r, Value hiddenBias, boolean linearBeforeReset, List<Activation> acts) throws ImportException {
      Value rzr = slice(r, 0, 0, 2 * hidden);
      Value rh = slice(r, 0, 2 * hidden, 3 * hidden);
      Value zr = n.add(slice(xt, 1, 0, 2 * hidden), product(h, rzr));
      Value z = activate(clipped(slice(zr, 1, 0, hidden)), acts.get(0));
      Value reset = activate(clipped(slice(zr, 1, hidden, 2 * hidden)), acts.get(0));
      Value recurrent;
      if (linearBeforeReset) {
        Value hr = product(h, rh);
        if (hiddenBias != null) hr = n.add(hr, hiddenBias);
        recurrent = n.mul(reset, hr);
      } else {
        recurrent = product(n.mul(reset, h), rh);
      }
      Value candidate = activate(clipped(n.add(slice(xt, 1, 2 * hidden, 3 * hidden), recurrent)), acts.get(1));
      // H = (1 - z) * candidate + z * H = candidate + z * (H - candidate)
      return n.add(candidate, n.mul(z, n.sub(h, candidate)));
    }

    private Value gate(Value gates, int k) throws ImportException { return slice(gates, 1, k * hidden, (k + 1) * hidden); }

    private Value clipped(Value v) throws ImportException {
      if (Double.isNaN(clip)) return v;
      return n.emit("nn.clip", List.of(v), attrs("min", new FloatAttr(FloatType.F64, -clip), "max", new FloatAttr(FloatType.F64, clip)));
    }

    private Value activate(Value v, Activation a) throws ImportException {
      return switch (a.name()) {
        case "sigmoid" -> n.unary("nn.sigmoid", v);
        case "tanh" -> n.unary("nn.tanh", v);
        case "relu" -> n.unary("nn.relu", v);
        case "softplus" -> n.unary("nn.softplus", v);
        case "leakyrelu" -> n.emit("nn.leaky_relu", List.of(v), attrs("alpha", new FloatAttr(FloatType.F64, a.alpha())));
        case "hardsigmoid" -> n.emit("nn.hard_sigmoid", List.of(v),
            attrs("alpha", new FloatAttr(FloatType.F64, a.alpha()), "beta", new FloatAttr(FloatType.F64, a.beta())));
        case "affine" -> n.add(n.mul(v, scalar(a.alpha())), scalar(a.beta()));
        case "scaledtanh" -> n.mul(n.unary("nn.tanh", n.mul(v, scalar(a.beta()))), scalar(a.alpha()));
        default -> throw new IllegalStateException("unchecked activation " + a.name());
      };
    }

    /** {@code v R^T} for a [batch, hidden] v and [k, hidden] R. */
    private Value product(Value v, Value r) throws ImportException {
      return n.emit("nn.gemm", List.of(v, r), attrs("trans_b", IntegerAttr.i64(1)));
    }

    /** Direction {@code d} of a value whose first dimension counts directions, without it. */
    private Value direction(Value v, int d) throws ImportException {
      long[] s = shapeOf(v);
      long[] rest = Arrays.copyOfRange(s, 1, s.length);
      return n.reshape(slice(v, 0, d, d + 1), rest);
    }

    private Value slice(Value v, int axis, long start, long end) throws ImportException { return n.slice(v, axis, start, end, 1); }

    private Value concat(List<Value> parts, int axis) throws ImportException {
      return parts.size() == 1 ? parts.getFirst() : n.emit("nn.concat", parts, attrs("axis", IntegerAttr.i64(axis)));
    }

    private Value one() throws ImportException { return scalar(1); }

    private Value scalar(double v) throws ImportException { return n.scalar(v, elementType()); }

    private Value zeros(long... shape) throws ImportException { return n.constantValue(Tensor.zeros(elementType(), shape)); }

    private Type elementType() throws ImportException { return ((ShapedType) n.required(0).type()).element(); }

    private void expectShape(Value v, String what, long... shape) throws ImportException {
      if (!Arrays.equals(shapeOf(v), shape)) {
        throw n.error(what + " has shape " + ShapedType.describe(shapeOf(v)) + ", expected " + ShapedType.describe(shape));
      }
    }

    /** sequence_lens may only say that every batch entry runs the whole sequence. */
    private void checkSequenceLengths() throws ImportException {
      Value lens = n.input(4);
      if (lens == null) return;
      Tensor t = n.constantInput(4, "sequence_lens");
      for (int i = 0; i < t.size(); i++) {
        if (t.getLong(i) != steps) {
          throw n.error("sequence_lens entry " + i + " is " + t.getLong(i) + ", shorter than the sequence (" + steps
              + "); only full-length sequences are supported");
        }
      }
    }
  }
}
