package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's contract on small models: signatures, outputs by name, constants, and the errors for every kind of bad input. */
class SolModelTest {
  private static final long[] B_SHAPE = {2, 3};
  private static final float[] B = {1, 2, 3, 4, 5, 6};

  private static SolModel threeOutputs(SolOptions.Backend backend) throws SolException {
    return SolModel.compile(TestModels.threeOutputs(),
        new SolOptions().backend(backend).constant("shape", SolTensor.of(new long[] {2}, new long[] {3, 2})));
  }

  @Test void inputsAndOutputsAreOrderedByTheGraphWithTypesAndShapes() throws SolException {
    try (SolModel model = threeOutputs(SolOptions.Backend.JIT)) {
      assertEquals(List.of("b", "a"), List.copyOf(model.inputs().keySet()), "the constant 'shape' is no input");
      assertEquals(new TensorInfo(ElementType.FLOAT, B_SHAPE), model.inputs().get("b"));
      assertEquals(ElementType.INT64, model.inputs().get("a").elementType());
      assertArrayEquals(new long[] {4}, model.inputs().get("a").shape());
      assertEquals(List.of("twice", "doubled", "reshaped"), List.copyOf(model.outputs().keySet()));
      assertEquals("tensor<3x2xf32>", model.outputs().get("reshaped").toString());
      assertEquals(new TensorInfo(ElementType.INT64, new long[] {4}), model.outputs().get("doubled"));
      assertThrows(UnsupportedOperationException.class, () -> model.inputs().put("c", null));
    }
  }

  @Test void outputsByNameFromBothBackends() throws SolException {
    for (SolOptions.Backend backend : SolOptions.Backend.values()) {
      try (SolModel model = threeOutputs(backend);
           SolTensor b = SolTensor.of(B_SHAPE, B);
           SolTensor a = SolTensor.of(new long[] {4}, new long[] {1, -2, 3, 1L << 40});
           SolModel.Result r = model.run(Map.of("a", a, "b", b))) {
        assertEquals(List.of("twice", "doubled", "reshaped"), r.names());
        assertArrayEquals(new float[] {2, 4, 6, 8, 10, 12}, r.get("twice").toFloatArray(), backend.name());
        assertArrayEquals(new long[] {2, -4, 6, 1L << 41}, r.get("doubled").toLongArray(), backend.name());
        assertArrayEquals(new long[] {3, 2}, r.get("reshaped").shape());
        assertArrayEquals(B, r.get("reshaped").toFloatArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.get("prob"));
        assertEquals("unknown output 'prob'; the model's outputs are [twice, doubled, reshaped]", e.getMessage());
      }
    }
  }

  @Test void anInputNeededAsAValueMustBeGivenAsAConstant() {
    MissingConstantException e = assertThrows(MissingConstantException.class,
        () -> SolModel.compile(TestModels.threeOutputs(), new SolOptions()));
    assertEquals("(in-memory ONNX model): node 'reshape' (Reshape): the shape (input #1) comes from graph input 'shape', whose value must"
        + " be known when compiling; give it with SolOptions.constant(\"shape\", value)", e.getMessage());
    assertEquals(List.of("shape"), e.inputs());
    assertEquals("reshape", e.node());
  }

  @Test void badConstantsAreRejectedWithTheirNames() {
    SolException wrongType = assertThrows(SolException.class, () -> SolModel.compile(TestModels.threeOutputs(),
        new SolOptions().constant("shape", SolTensor.of(new long[] {2}, new int[] {3, 2}))));
    assertEquals("(in-memory ONNX model): the constant 'shape' has element type i32, but the graph input is i64", wrongType.getMessage());
    SolException wrongShape = assertThrows(SolException.class, () -> SolModel.compile(TestModels.threeOutputs(),
        new SolOptions().constant("shape", SolTensor.of(new long[] {3}, new long[] {3, 2, 1}))));
    assertEquals("(in-memory ONNX model): the constant 'shape' has shape [3], but the graph input has shape [2]", wrongShape.getMessage());
    SolException unknown = assertThrows(SolException.class, () -> SolModel.compile(TestModels.threeOutputs(),
        new SolOptions().constant("shape", SolTensor.of(new long[] {2}, new long[] {3, 2})).constant("axes", SolTensor.of(new long[] {1}, new long[] {0}))));
    assertEquals("(in-memory ONNX model): the constant 'axes' is not a graph input (inputs: b, a, shape)", unknown.getMessage());
  }

  @Test void badInputsAreRejectedWithTheirNames() throws SolException {
    try (SolModel model = threeOutputs(SolOptions.Backend.JIT);
         SolTensor b = SolTensor.of(B_SHAPE, B);
         SolTensor a = SolTensor.of(new long[] {4}, new long[4])) {
      assertEquals("input 'b' has element type INT64, but the model expects FLOAT (tensor<2x3xf32>)", runError(model, Map.of("b", a, "a", a)));
      assertEquals("input 'a' has shape [2, 3], but the model expects [4] (tensor<4xi64>)",
          runError(model, Map.of("b", b, "a", SolTensor.of(B_SHAPE, new long[6]))));
      assertEquals("missing input 'a' (tensor<4xi64>)", runError(model, Map.of("b", b)));
      assertEquals("unknown input 'c'; the model's inputs are [b, a]", runError(model, Map.of("b", b, "a", a, "c", a)));
      assertEquals("input 'shape' was compiled in as a constant; it is no input of the compiled model",
          runError(model, Map.of("b", b, "a", a, "shape", a)));
      SolTensor closed = SolTensor.of(B_SHAPE, B);
      closed.close();
      assertTrue(runError(model, Map.of("b", closed, "a", a)).startsWith("input 'b': the tensor is closed"));
    }
  }

  private static String runError(SolModel model, Map<String, SolTensor> inputs) {
    return assertThrows(IllegalArgumentException.class, () -> model.run(inputs).close()).getMessage();
  }

  @Test void runAfterCloseFailsAndOutputsDieWithTheirResult() throws SolException {
    SolModel model = threeOutputs(SolOptions.Backend.JIT);
    Map<String, SolTensor> inputs = Map.of("b", SolTensor.of(B_SHAPE, B), "a", SolTensor.of(new long[] {4}, new long[4]));
    SolModel.Result r = model.run(inputs);
    SolTensor twice = r.get("twice");
    assertTrue(twice.segment().isNative(), "outputs are the model's native buffers");
    r.close();
    assertEquals("the tensor is closed (closed itself, or by the SolModel.Result it came from)",
        assertThrows(IllegalStateException.class, twice::toFloatArray).getMessage());
    assertEquals("the result is closed", assertThrows(IllegalStateException.class, () -> r.get("twice")).getMessage());
    model.close();
    model.close();
    assertEquals("the SolModel is closed", assertThrows(IllegalStateException.class, () -> model.run(inputs)).getMessage());
  }

  @Test void badFilesAreNamed(@TempDir Path dir) throws IOException {
    Path garbage = dir.resolve("garbage.onnx");
    Files.writeString(garbage, "not a model");
    String message = assertThrows(SolException.class, () -> SolModel.compile(garbage, new SolOptions())).getMessage();
    assertTrue(message.startsWith(garbage + " is not a valid ONNX model"), message);
    Path missing = dir.resolve("missing.onnx");
    assertEquals("cannot read " + missing + ": no such file",
        assertThrows(SolException.class, () -> SolModel.compile(missing, new SolOptions())).getMessage());
    Path bad = dir.resolve("bad.mlir");
    Files.writeString(bad, "\"builtin.module\"() ({\n  %0 = \"nn.nothing\"() : () -> f32\n}) : () -> ()\n");
    message = assertThrows(SolException.class, () -> SolModel.compile(bad, new SolOptions())).getMessage();
    assertTrue(message.startsWith(bad.toString()), message);
  }

  @Test void mlirFilesCompileWithTheirNames(@TempDir Path dir) throws IOException, SolException {
    Path file = dir.resolve("double.mlir");
    Files.writeString(file, """
        "builtin.module"() ({
          "func.func"() ({
          ^bb0(%arg0: tensor<2xf32>):
            %0 = "nn.add"(%arg0, %arg0) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
            "func.return"(%0) : (tensor<2xf32>) -> ()
          }) {arg_attrs = [{onnx.name = "x"}], function_type = (tensor<2xf32>) -> tensor<2xf32>, res_attrs = [{onnx.name = "y"}], sym_name = "main"} : () -> ()
        }) : () -> ()
        """);
    try (SolModel model = SolModel.compile(file, new SolOptions());
         SolTensor x = SolTensor.of(new long[] {2}, new float[] {1.5f, -2});
         SolModel.Result r = model.run(Map.of("x", x))) {
      assertArrayEquals(new float[] {3, -4}, r.get("y").toFloatArray());
    }
    Path loops = Path.of("..", "examples", "mlp.mlir");
    try (SolModel model = SolModel.compile(loops, new SolOptions().backend(SolOptions.Backend.INTERPRETER));
         SolTensor x = SolTensor.of(new long[] {3}, new float[] {1, 2, 3});
         SolModel.Result r = model.run(Map.of("input_0", x))) {
      assertEquals(List.of("output_0"), r.names());
      assertArrayEquals(new float[] {-4.5f}, r.get("output_0").toFloatArray());
    }
    assertEquals(loops + ": the JIT compiles functions on tensors, and @mlp has memref<3xf32> in its signature; run it with the interpreter backend",
        assertThrows(SolException.class, () -> SolModel.compile(loops, new SolOptions())).getMessage());
  }

  /** ReLU and Clip compile to compare-and-select (one maxps or minps on x86): a NaN stays NaN, on vectors and on the scalar tail. */
  @Test void reluAndClipKeepNaN(@TempDir Path dir) throws IOException, SolException {
    Path file = dir.resolve("relu_clip.mlir");
    Files.writeString(file, """
        "builtin.module"() ({
          "func.func"() ({
          ^bb0(%arg0: tensor<19xf32>):
            %0 = "nn.relu"(%arg0) : (tensor<19xf32>) -> tensor<19xf32>
            %1 = "nn.clip"(%arg0) {min = 0.000000e+00 : f32, max = 6.000000e+00 : f32} : (tensor<19xf32>) -> tensor<19xf32>
            "func.return"(%0, %1) : (tensor<19xf32>, tensor<19xf32>) -> ()
          }) {arg_attrs = [{onnx.name = "x"}], function_type = (tensor<19xf32>) -> (tensor<19xf32>, tensor<19xf32>),
              res_attrs = [{onnx.name = "relu"}, {onnx.name = "clip"}], sym_name = "main"} : () -> ()
        }) : () -> ()
        """);
    float nan = Float.NaN;
    float inf = Float.POSITIVE_INFINITY;
    float[] x = {nan, -1, 0.5f, 7, -inf, inf, 3, -2, 1, 2, 6.5f, -0.5f, 4, 5, -3, 8, 0, 2.5f, nan};
    float[] relu = {nan, 0, 0.5f, 7, 0, inf, 3, 0, 1, 2, 6.5f, 0, 4, 5, 0, 8, 0, 2.5f, nan};
    float[] clip = {nan, 0, 0.5f, 6, 0, 6, 3, 0, 1, 2, 6, 0, 4, 5, 0, 6, 0, 2.5f, nan};
    for (SolOptions.Backend backend : SolOptions.Backend.values()) {
      try (SolModel model = SolModel.compile(file, new SolOptions().backend(backend));
           SolTensor in = SolTensor.of(new long[] {19}, x);
           SolModel.Result r = model.run(Map.of("x", in))) {
        assertArrayEquals(relu, r.get("relu").toFloatArray(), backend.name());
        assertArrayEquals(clip, r.get("clip").toFloatArray(), backend.name());
      }
    }
  }

  @Test void threadsAreValidated() {
    assertEquals("threads must be at least 1, got 0", assertThrows(IllegalArgumentException.class, () -> new SolOptions().threads(0)).getMessage());
  }
}
