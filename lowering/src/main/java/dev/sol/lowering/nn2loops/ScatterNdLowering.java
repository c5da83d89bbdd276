package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.ScatterNdOp;
import dev.sol.ir.Value;
import dev.sol.lowering.Loops;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * nn.scatter_nd: the data copied into the result, then the index tuples one after another, each
 * writing (or combining) its slice of the updates at the place it names. The tuples run in order
 * on one thread, so that where two name the same slice the last one's update stays (or the
 * combinations follow the tuples' order), as in the interpreter. An entry outside its axis, an
 * error of the model's input that the interpreter refuses, is clamped into the axis, so that
 * compiled code never writes outside the result.
 */
public final class ScatterNdLowering extends NnLowering<ScatterNdOp> {
  public ScatterNdLowering(Buffers buffers) {
    super(ScatterNdOp.class, ScatterNdOp.SPEC, buffers);
  }

  @Override protected void lower(ScatterNdOp op, Loops l, List<Value> in, List<Value> out) {
    Value data = in.get(0);
    Value indices = in.get(1);
    Value updates = in.get(2);
    Value result = out.getFirst();
    ScatterNdOp.Reduction reduction = op.reduction();
    long[] ds = shape(data);
    long[] is = shape(indices);
    int k = op.tupleLength();
    l.parallelForEach(ds, 1, iv -> l.store(l.load(data, iv), result, iv));
    Loops serial = l.serial();
    serial.forEach(Arrays.copyOf(is, is.length - 1), tuple -> {
      List<Value> place = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        List<Value> entry = new ArrayList<>(tuple);
        entry.add(serial.index(j));
        place.add(GatherLowering.position(serial, serial.load(indices, entry), ds[j]));
      }
      serial.forEach(Arrays.copyOfRange(ds, k, ds.length), within -> {
        List<Value> to = new ArrayList<>(place);
        to.addAll(within);
        List<Value> from = new ArrayList<>(tuple);
        from.addAll(within);
        Value update = serial.load(updates, from);
        Value value = switch (reduction) {
          case NONE -> update;
          case ADD -> serial.add(serial.load(result, to), update);
          case MUL -> serial.mul(serial.load(result, to), update);
          case MAX -> serial.max(serial.load(result, to), update);
          case MIN -> serial.min(serial.load(result, to), update);
        };
        serial.store(value, result, to);
      });
    });
  }
}
