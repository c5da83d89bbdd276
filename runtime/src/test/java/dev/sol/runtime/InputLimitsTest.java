package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shapes and files beyond what a model can take are refused with the reason, before anything is allocated. */
class InputLimitsTest {
  @Test void tensorsBeyondSolsLimitAreNeverAllocated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SolTensor.allocate(new long[] {65536, 65536}, ElementType.FLOAT));
    assertEquals("shape [65536, 65536] has 4294967296 elements, more than SOL's limit of 2147483647", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SolTensor.allocate(new long[] {4611686018427387905L, 4}, ElementType.UINT8));
    assertEquals("shape [4611686018427387905, 4] has a dimension of 4611686018427387905, more than SOL's limit of 2147483647", e.getMessage());
    // A TensorProto of a few bytes that declares 40 GB of floats without data.
    byte[] huge = OnnxMl.TensorProto.newBuilder().setName("w").setDataType(OnnxMl.TensorProto.DataType.FLOAT_VALUE)
        .addDims(10).addDims(1L << 30).build().toByteArray();
    SolException s = assertThrows(SolException.class, () -> SolTensor.fromTensorProto(huge));
    assertEquals("tensor 'w' of shape [10, 1073741824] has 10737418240 elements, more than SOL's limit of 2147483647", s.getMessage());
    byte[] short_ = OnnxMl.TensorProto.newBuilder().setName("v").setDataType(OnnxMl.TensorProto.DataType.FLOAT_VALUE)
        .addDims(1000).addDims(1000).build().toByteArray();
    s = assertThrows(SolException.class, () -> SolTensor.fromTensorProto(short_));
    assertEquals("tensor 'v' has 0 values, expected 1000000", s.getMessage());
  }

  @Test void aShapeIsGivenOnlyWhereTheModelLeavesDimensionsOpen() {
    SolException e = assertThrows(SolException.class, () -> SolModel.compile(TestModels.threeOutputs(),
        new SolOptions().shape("b", 4, 4).constant("shape", SolTensor.of(new long[] {2}, new long[] {3, 2}))));
    assertEquals("(in-memory ONNX model): graph input 'b' has the fixed shape [2, 3], not [4, 4]; give shapes (--shape,"
        + " SolOptions.shape) only to inputs with symbolic dimensions", e.getMessage());
  }

  @Test void restatingAFixedShapeIsAccepted() throws SolException {
    try (SolModel m = SolModel.compile(TestModels.threeOutputs(),
        new SolOptions().shape("b", 2, 3).constant("shape", SolTensor.of(new long[] {2}, new long[] {3, 2})))) {
      assertArrayEquals(new long[] {2, 3}, m.inputs().get("b").shape());
    }
  }

  @Test void mlirThatIsNotUtf8IsLocated(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.mlir");
    Files.write(file, new byte[] {'/', '/', ' ', 'a', (byte) 0xc3, '\n'});
    SolException e = assertThrows(SolException.class, () -> SolModel.compile(file, new SolOptions()));
    assertEquals(file + ":1:5: invalid UTF-8 (byte 0xc3); SOL reads UTF-8 text", e.getMessage());
  }

  @Test void aDirectoryIsNotAModel(@TempDir Path dir) {
    SolException e = assertThrows(SolException.class, () -> SolModel.compile(dir, new SolOptions()));
    assertEquals("cannot read " + dir + ": it is a directory", e.getMessage());
  }
}
