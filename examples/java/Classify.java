import dev.sol.runtime.SolModel;
import dev.sol.runtime.SolOptions;
import dev.sol.runtime.SolTensor;
import dev.sol.runtime.TensorInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Classifies one image with SOL's Java API: compiles an ONNX model for this CPU, feeds it an
 * input (an ONNX TensorProto file, or a test pattern) and prints the five best classes.
 *
 * <pre>java Classify MODEL.onnx [INPUT.pb]</pre>
 */
public final class Classify {
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: Classify MODEL.onnx [INPUT.pb]");
      System.exit(2);
    }
    try (SolModel model = SolModel.compile(Path.of(args[0]), new SolOptions().threads(2))) {
      System.out.printf("inputs %s, outputs %s, compiled in %d ms%n", model.inputs(), model.outputs(), model.compileTime().toMillis());
      Map.Entry<String, TensorInfo> input = model.inputs().entrySet().iterator().next();
      String output = model.outputs().keySet().iterator().next();
      long[] shape = input.getValue().shape();
      float[] pixels = args.length > 1 ? SolTensor.fromTensorProto(Files.readAllBytes(Path.of(args[1]))).toFloatArray()
          : testPattern((int) input.getValue().elementCount());
      try (SolTensor x = SolTensor.of(shape, pixels);
           SolModel.Result r = model.run(Map.of(input.getKey(), x))) {
        float[] prob = r.get(output).toFloatArray();
        IntStream.range(0, prob.length).boxed().sorted(Comparator.comparingDouble(i -> -prob[i])).limit(5)
            .forEach(i -> System.out.printf("class %4d: %.5f%n", i, prob[i]));
      }
    }
  }

  private static float[] testPattern(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) v[i] = (float) Math.sin(i * 0.01);
    return v;
  }
}
