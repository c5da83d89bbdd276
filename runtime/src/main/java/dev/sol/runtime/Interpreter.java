package dev.sol.runtime;

import dev.sol.dialect.ElementCast;
import dev.sol.dialect.FloatElementwise;
import dev.sol.dialect.IntElementwise;
import dev.sol.dialect.arith.CmpFOp;
import dev.sol.dialect.arith.CmpIOp;
import dev.sol.dialect.arith.ConstantOp;
import dev.sol.dialect.arith.SelectOp;
import dev.sol.dialect.bufferization.ToMemrefOp;
import dev.sol.dialect.bufferization.ToTensorOp;
import dev.sol.dialect.builtin.UnrealizedConversionCastOp;
import dev.sol.dialect.func.CallOp;
import dev.sol.dialect.func.FuncOp;
import dev.sol.dialect.memref.AllocOp;
import dev.sol.dialect.memref.AllocaOp;
import dev.sol.dialect.memref.CastOp;
import dev.sol.dialect.memref.CollapseShapeOp;
import dev.sol.dialect.memref.CopyOp;
import dev.sol.dialect.memref.PrefetchOp;
import dev.sol.dialect.memref.DeallocOp;
import dev.sol.dialect.memref.DimOp;
import dev.sol.dialect.memref.ExpandShapeOp;
import dev.sol.dialect.memref.GetGlobalOp;
import dev.sol.dialect.memref.LoadOp;
import dev.sol.dialect.memref.ReshapeOp;
import dev.sol.dialect.memref.StoreOp;
import dev.sol.dialect.memref.SubViewOp;
import dev.sol.dialect.nn.FusedOp;
import dev.sol.dialect.memref.ViewOp;
import dev.sol.dialect.nn.NnOp;
import dev.sol.lowering.CheckBoundsPass;
import dev.sol.lowering.nn2loops.Buffers;
import dev.sol.dialect.nn.Tensor;
import dev.sol.dialect.scf.ExecuteRegionOp;
import dev.sol.dialect.scf.ForOp;
import dev.sol.dialect.scf.IfOp;
import dev.sol.dialect.scf.ParallelOp;
import dev.sol.dialect.scf.WhileOp;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.dialect.vector.ExtractOp;
import dev.sol.dialect.vector.InsertOp;
import dev.sol.dialect.vector.ReductionOp;
import dev.sol.dialect.vector.SplatOp;
import dev.sol.dialect.vector.TransferReadOp;
import dev.sol.dialect.vector.TransferWriteOp;
import dev.sol.ir.*;
import dev.sol.ir.traits.IsTerminator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reference interpreter: runs functions operation by operation. Tensors, vectors and
 * scalars are {@link Tensor} values (scalars of rank 0), memrefs are {@link Buffer} views
 * of tensors. nn operations run their own kernels; arith and math ops compute through the
 * semantics their classes declare (as constant folding does); func, scf, memref and the
 * common vector operations are interpreted here, dispatched on their classes. Written for
 * obvious correctness.
 */
public final class Interpreter {
  /** A failure to run, naming the operation. */
  public static final class InterpreterException extends RuntimeException {
    public InterpreterException(String message) { super(message, null, false, false); }
  }

  private final MemRefInterpreter memrefs;
  private int depth;

  private Interpreter(Operation module) { this.memrefs = new MemRefInterpreter(module); }

  /** Runs {@code function} (a func.func) on tensors; memref arguments are created from them. */
  public static List<Tensor> run(Operation function, List<Tensor> arguments) {
    Operation module = function.parentOp() != null ? function.parentOp() : function;
    Interpreter in = new Interpreter(module);
    Block body = function.region(0).entryBlock();
    if (body == null) throw new InterpreterException("function has no body");
    if (arguments.size() != body.numArguments()) {
      throw new InterpreterException("expected " + body.numArguments() + " inputs, got " + arguments.size());
    }
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      Tensor t = arguments.get(i);
      Type expected = body.argument(i).type();
      if (expected instanceof MemRefType m) {
        if (!Arrays.equals(m.shape(), t.shape()) || !m.element().equals(t.element())) {
          throw new InterpreterException("input #" + i + " has type " + t.type() + ", expected " + expected);
        }
        args.add(Buffer.allocate(t));
      } else {
        if (!t.type().equals(expected) && !(expected.equals(t.element()) && t.rank() == 0)) {
          throw new InterpreterException("input #" + i + " has type " + t.type() + ", expected " + expected);
        }
        args.add(t);
      }
    }
    List<Object> results = in.call(function, args);
    List<Tensor> out = new ArrayList<>();
    for (Object r : results) out.add(r instanceof Buffer b ? b.toTensor() : (Tensor) r);
    return out;
  }

  /** The {@code func.func} named {@code name} in a module, or null. */
  public static Operation function(Operation module, String name) {
    for (Operation op : module.region(0).entryBlock()) {
      if (op instanceof FuncOp f && name.equals(f.symName())) return f;
    }
    return null;
  }

  private List<Object> call(Operation function, List<Object> args) {
    if (++depth > 1000) throw new InterpreterException("call depth exceeds 1000 (runaway recursion?)");
    Frame frame = new Frame();
    Block body = function.region(0).entryBlock();
    frame.bind(body.arguments(), args);
    List<Object> r = runBlock(body, frame);
    depth--;
    return r;
  }

  /** An nn.fused means its body: the body runs in a frame of its own (it is isolated from above). */
  private List<Object> fused(FusedOp group, Frame frame) {
    Frame inner = new Frame();
    inner.bind(group.body().arguments(), frame.all(group.operands()));
    return runBlock(group.body(), inner);
  }

  /** Runs a block; returns the values of its terminator's operands. */
  List<Object> runBlock(Block block, Frame frame) {
    for (Operation op : block) {
      if (op == block.back() && op instanceof IsTerminator) return frame.all(op.operands());
      frame.bind(op.results(), execute(op, frame));
    }
    return List.of();
  }

  /** Runs one operation that is not a terminator; returns the values of its results. */
  List<Object> execute(Operation op, Frame frame) {
    return switch (op) {
      case NnOp nn -> new ArrayList<>(nn.evaluate(frame.tensors(op.operands())));
      case FusedOp group -> fused(group, frame);
      case FloatElementwise _, IntElementwise _, ElementCast _, CmpFOp _, CmpIOp _, SelectOp _, ConstantOp _ ->
          List.of(ArithInterpreter.evaluate(op, frame.tensors(op.operands())));
      case CallOp c -> call(c, frame);
      case ToMemrefOp t -> List.of(Buffer.allocate(frame.tensor(t.tensor())));
      case ToTensorOp t -> List.of(frame.buffer(t.memref()).toTensor());
      // The lowering's casts between unsigned integer tensors and their signless twins: same bits.
      case UnrealizedConversionCastOp c when c.numOperands() == 1 && c.numResults() == 1 && c.operand(0).type() instanceof ShapedType from
          && c.result(0).type() instanceof ShapedType to && from.element() instanceof IntegerType a && to.element() instanceof IntegerType b
          && a.width() == b.width() -> List.of(frame.tensor(c.operand(0)).reinterpreted(to.element()));
      case ForOp loop -> ScfInterpreter.forLoop(this, loop, frame);
      case IfOp branch -> ScfInterpreter.ifThenElse(this, branch, frame);
      case WhileOp loop -> ScfInterpreter.whileLoop(this, loop, frame);
      case ParallelOp loop -> ScfInterpreter.parallel(this, loop, frame);
      case ExecuteRegionOp region -> runBlock(region.body(), frame);
      case AllocOp a -> List.of(MemRefInterpreter.allocate(a.memrefType(), frame.integers(a.dynamicSizes())));
      case AllocaOp a -> List.of(MemRefInterpreter.allocate(a.memrefType(), frame.integers(a.dynamicSizes())));
      case DeallocOp _ -> List.of();
      case LoadOp load -> List.of(frame.buffer(load.memref()).load(frame.integers(load.indices())));
      case StoreOp store -> {
        frame.buffer(store.memref()).store(frame.integers(store.indices()), frame.tensor(store.value()));
        yield List.of();
      }
      case GetGlobalOp g -> List.of(memrefs.global(g.globalName()));
      case DimOp dim -> List.of(Frame.index(frame.buffer(dim.source()).shape()[(int) frame.integer(dim.index())]));
      case CastOp cast -> List.of(frame.buffer(cast.source()));
      case PrefetchOp prefetch -> List.of();
      case CopyOp copy -> {
        MemRefInterpreter.copy(frame.buffer(copy.source()), frame.buffer(copy.target()));
        yield List.of();
      }
      case CollapseShapeOp c -> List.of(MemRefInterpreter.collapse(c, frame.buffer(c.src())));
      case ExpandShapeOp e -> List.of(MemRefInterpreter.reshape(op, frame.buffer(e.src()), ((MemRefType) e.result().type()).shape()));
      case ReshapeOp r -> List.of(MemRefInterpreter.reshape(op, frame.buffer(r.source()), MemRefInterpreter.shape(frame.buffer(r.shape()))));
      case SubViewOp view -> List.of(MemRefInterpreter.subview(view, frame));
      case ViewOp view -> {
        if (!view.sizes().isEmpty()) throw new InterpreterException("memref.view with dynamic sizes is not interpreted");
        yield List.of(frame.view(frame.buffer(view.source()), frame.integer(view.byteShift()), (MemRefType) view.result().type()));
      }
      case dev.sol.dialect.vector.LoadOp load ->
          List.of(VectorInterpreter.read(frame.buffer(load.base()), frame.integers(load.indices()), (VectorType) load.result().type(), null));
      case TransferReadOp read -> {
        VectorType type = (VectorType) read.result().type();
        if (type.rank() != 1) throw new InterpreterException("only 1-D transfers are interpreted");
        yield List.of(VectorInterpreter.read(frame.buffer(read.source()), frame.integers(read.indices()), type, frame.tensor(read.padding())));
      }
      case dev.sol.dialect.vector.StoreOp store -> {
        VectorInterpreter.write(frame.tensor(store.valueToStore()), frame.buffer(store.base()), frame.integers(store.indices()));
        yield List.of();
      }
      case TransferWriteOp write -> {
        VectorInterpreter.write(frame.tensor(write.vector()), frame.buffer(write.source()), frame.integers(write.indices()));
        yield List.of();
      }
      case BroadcastOp b -> List.of(VectorInterpreter.broadcast(frame.tensor(b.source()), (VectorType) b.result().type()));
      case SplatOp s -> List.of(VectorInterpreter.broadcast(frame.tensor(s.input()), (VectorType) s.result().type()));
      case ReductionOp r -> List.of(VectorInterpreter.reduce(r, frame.tensor(r.vector()), r.acc() == null ? null : frame.tensor(r.acc())));
      case ExtractOp e -> List.of(VectorInterpreter.extract(frame.tensor(e.vector()), e.position()));
      case InsertOp i -> List.of(VectorInterpreter.insert(frame.tensor(i.source()), frame.tensor(i.dest()), i.position()));
      case dev.sol.dialect.vector.ShuffleOp s -> List.of(VectorInterpreter.shuffle(frame.tensor(s.v1()), frame.tensor(s.v2()), s.mask()));
      default -> throw unsupported(op);
    };
  }

  private List<Object> call(CallOp op, Frame frame) {
    Operation callee = Symbols.lookup(op, op.callee());
    if (callee instanceof FuncOp f && f.isDeclaration() && f.symName().equals(CheckBoundsPass.HANDLER)) throw outOfBounds(op, frame);
    // The thread's number in its OpenMP team (scratch slots per thread): parallel loops run
    // serially here, on thread 0.
    if (callee instanceof FuncOp f && f.isDeclaration() && f.symName().equals(Buffers.THREAD_NUM)
        && f.functionType().inputs().isEmpty() && f.functionType().results().equals(List.of(IntegerType.I32))) {
      return List.of(Tensor.ofLongs(IntegerType.I32, new long[0], new long[] {0}));
    }
    if (callee == null || callee.region(0).isEmpty()) throw new InterpreterException("cannot call " + op.callee());
    return call(callee, frame.all(op.args()));
  }

  /** The report of a bounds-checked access outside its memref (memref-check-bounds): the interpreter stops there. */
  private static OutOfBoundsAccessException outOfBounds(CallOp op, Frame frame) {
    Tensor text = frame.buffer(op.args().getFirst()).toTensor();
    byte[] bytes = new byte[text.size()];
    int n = 0;
    while (n < bytes.length && text.getLong(n) != 0) bytes[n] = (byte) text.getLong(n++);
    String site = new String(bytes, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    long[] at = frame.integers(op.args().subList(1, 4));
    return new OutOfBoundsAccessException(CheckBoundsPass.message(site, at[0], at[1], at[2]));
  }

  static InterpreterException unsupported(Operation op) {
    return new InterpreterException("cannot interpret '" + op.name() + "' at " + op.location());
  }
}
