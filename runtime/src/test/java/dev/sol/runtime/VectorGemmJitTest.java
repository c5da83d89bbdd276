package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nn.matmul, nn.gemm and nn.conv (and nn.softmax's rows) through the JIT, whose lowering uses the host's
 * vector kernels, against the interpreter's reference kernels: odd shapes that leave tails in every direction, several
 * blocks of k, m and n, batches, transpositions, alpha, beta, broadcast biases and constant
 * weights packed at compile time. The kernels sum in another order, hence the tolerance.
 */
class VectorGemmJitTest {
  @TempDir Path dir;
  private final Random random = new Random(7);

  /** With 32 vector registers the last four take tiles of 5 x 5, 5 x 5, 4 x 6 and 8 x 3 vectors (see KernelShape). */
  @Test void matrixProductsOfOddShapes() throws Exception {
    long[][] mnk = {{1, 1, 1}, {7, 13, 5}, {33, 65, 17}, {12, 32, 8}, {24, 64, 3}, {2, 300, 9}, {13, 17, 300}, {40, 50, 1000},
        {1100, 20, 6}, {3, 8200, 2}, {49, 160, 37}, {49, 960, 20}, {100, 96, 70}, {196, 96, 11}};
    for (long[] s : mnk) {
      long m = s[0];
      long n = s[1];
      long k = s[2];
      check("matmul_" + m + "x" + n + "x" + k, List.of(shape(m, k), shape(k, n)), shape(m, n), "\"nn.matmul\"(%arg0, %arg1)", "");
    }
  }

  @Test void batchedProducts() throws Exception {
    check("batched_broadcast", List.of(shape(2, 3, 7, 5), shape(3, 5, 13)), shape(2, 3, 7, 13), "\"nn.matmul\"(%arg0, %arg1)", "");
    check("batch_by_matrix", List.of(shape(4, 7, 5), shape(5, 13)), shape(4, 7, 13), "\"nn.matmul\"(%arg0, %arg1)", "");
    check("matrix_by_batch", List.of(shape(7, 5), shape(3, 5, 33)), shape(3, 7, 33), "\"nn.matmul\"(%arg0, %arg1)", "");
  }

  @Test void gemmWithTranspositionsScalesAndBiases() throws Exception {
    long m = 19;
    long n = 37;
    long k = 23;
    check("gemm_plain", List.of(shape(m, k), shape(k, n)), shape(m, n), "\"nn.gemm\"(%arg0, %arg1)", "");
    check("gemm_trans", List.of(shape(k, m), shape(n, k), shape(n)), shape(m, n), "\"nn.gemm\"(%arg0, %arg1, %arg2)",
        "{alpha = 0.5 : f32, beta = 2.0 : f32, trans_a = 1 : i64, trans_b = 1 : i64}");
    check("gemm_column_bias", List.of(shape(m, k), shape(k, n), shape(m, 1)), shape(m, n), "\"nn.gemm\"(%arg0, %arg1, %arg2)",
        "{beta = -1.0 : f32}");
    check("gemm_full_bias", List.of(shape(m, k), shape(k, n), shape(m, n)), shape(m, n), "\"nn.gemm\"(%arg0, %arg1, %arg2)", "");
    check("gemm_scalar_bias", List.of(shape(m, k), shape(k, n), shape(1)), shape(m, n), "\"nn.gemm\"(%arg0, %arg1, %arg2)", "");
  }

  @Test void convolutionsAsProducts() throws Exception {
    check("conv_1x1", List.of(shape(2, 19, 7, 9), shape(23, 19, 1, 1)), shape(2, 23, 7, 9), "\"nn.conv\"(%arg0, %arg1)", "");
    // Enough output channels for the image to be packed into B panels (rows of 13 x 13 = 169).
    check("conv_1x1_packed", List.of(shape(2, 40, 13, 13), shape(72, 40, 1, 1), shape(72)), shape(2, 72, 13, 13),
        "\"nn.conv\"(%arg0, %arg1, %arg2)", "");
    check("conv_3x3", List.of(shape(1, 16, 12, 12), shape(16, 16, 3, 3), shape(16)), shape(1, 16, 12, 12),
        "\"nn.conv\"(%arg0, %arg1, %arg2)", "{pads = array<i64: 1, 1, 1, 1>}");
    // Rows of 64 pixels, whole vectors: B read in place from the shifted copies (the OCR CNN's 3 x 3).
    check("conv_3x3_aligned_rows", List.of(shape(1, 32, 16, 64), shape(64, 32, 3, 3), shape(64)), shape(1, 64, 16, 64),
        "\"nn.conv\"(%arg0, %arg1, %arg2)", "{pads = array<i64: 1, 1, 1, 1>}");
    check("conv_strided_dilated", List.of(shape(2, 3, 15, 17), shape(8, 3, 3, 2)), shape(2, 8, 6, 9), "\"nn.conv\"(%arg0, %arg1)",
        "{strides = array<i64: 2, 2>, dilations = array<i64: 2, 1>, pads = array<i64: 1, 0, 0, 1>}");
    // Stride 2 on the shifted copies, each row of a copy every second column of the image's row
    // (StridedRow: vectors of even lanes): rows of 34 outputs, 33 of them inside the image for
    // tap columns 0 and 2, two vectors of 16 and one that overlaps them; with padding on the left
    // only, an odd width and a row of fewer outputs than a vector.
    check("conv_strided_copies", List.of(shape(1, 8, 67, 67), shape(40, 8, 3, 3), shape(40)), shape(1, 40, 34, 34),
        "\"nn.conv\"(%arg0, %arg1, %arg2)", "{strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>}");
    check("conv_strided_copies_short_rows", List.of(shape(2, 8, 67, 21), shape(40, 8, 3, 3), shape(40)), shape(2, 40, 33, 10),
        "\"nn.conv\"(%arg0, %arg1, %arg2)", "{strides = array<i64: 2, 2>, pads = array<i64: 0, 1, 0, 0>}");
    // 1-D convolutions run as 2-D ones of height 1 (nn-conv1d-as-2d): a strided one and a depthwise one.
    check("conv_1d", List.of(shape(2, 5, 37), shape(7, 5, 3), shape(7)), shape(2, 7, 19), "\"nn.conv\"(%arg0, %arg1, %arg2)",
        "{strides = array<i64: 2>, pads = array<i64: 1, 1>}");
    check("conv_1d_depthwise", List.of(shape(1, 16, 50), shape(16, 1, 5)), shape(1, 16, 50), "\"nn.conv\"(%arg0, %arg1)",
        "{pads = array<i64: 2, 2>, group = 16 : i64}");
    // 3-D convolutions run as 2-D ones over depth-tap channels (nn-conv3d-as-2d).
    check("conv_3d", List.of(shape(2, 3, 6, 9, 10), shape(8, 3, 3, 3, 3), shape(8)), shape(2, 8, 3, 9, 8), "\"nn.conv\"(%arg0, %arg1, %arg2)",
        "{strides = array<i64: 2, 1, 1>, pads = array<i64: 1, 1, 0, 1, 1, 0>}");
  }

  /**
   * Small images with many output channels take the product turned around (output channels in
   * the vector lanes, pixels of the whole batch as rows, see ChannelLanesConv): weights given at
   * run time and as constants, padding, strides, a batch whose images share panels, a last
   * panel of channels that is not whole, panels packed by vectors and by elements, the
   * epilogue of a fused residual add and ReLU, and A read from the channel-blocked copy with a
   * partial last block of channels, rows that are not whole groups of 8 pixels, and a dilation.
   */
  @Test void smallImagesWithChannelsInTheLanes() throws Exception {
    check("conv_turned", List.of(shape(2, 40, 5, 5), shape(120, 40, 3, 3), shape(120)), shape(2, 120, 5, 5),
        "\"nn.conv\"(%arg0, %arg1, %arg2)", "{pads = array<i64: 1, 1, 1, 1>}");
    check("conv_turned_strided", List.of(shape(2, 64, 9, 9), shape(128, 64, 3, 3)), shape(2, 128, 5, 5),
        "\"nn.conv\"(%arg0, %arg1)", "{strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>}");
    // Rows of 32 pixels in panels of 6: some panels lie in one row (copied a vector per tap and
    // channel where no padding is under them), others cross rows (copied element by element).
    check("conv_turned_wide_rows", List.of(shape(2, 64, 4, 32), shape(192, 64, 3, 3)), shape(2, 192, 4, 32), "\"nn.conv\"(%arg0, %arg1)",
        "{pads = array<i64: 1, 1, 1, 1>}");
    String w = "%w = " + constant(shape(128, 64, 3, 3));
    check("conv_turned_constant", List.of(shape(1, 64, 7, 7)), shape(1, 128, 7, 7), "\"nn.conv\"(%arg0, %w)", "{pads = array<i64: 1, 1, 1, 1>}", w);
    // 49 pixels by 160 channels: a tile of 5 x 5 vectors with 32 registers, A packed (1 x 1).
    String w160 = "%w = " + constant(shape(160, 96, 1, 1));
    check("conv_turned_five_by_five", List.of(shape(1, 96, 7, 7)), shape(1, 160, 7, 7), "\"nn.conv\"(%arg0, %w)", "", w160);
    checkResidual("conv_turned_residual", shape(2, 32, 4, 4), shape(128, 32, 3, 3), shape(2, 128, 4, 4), "{pads = array<i64: 1, 1, 1, 1>}",
        new SolOptions(), 1e-5);
    // A strided 1 x 1 window reads a subsampled copy of the image (ChannelLanesConv.ImageRows.subsamples):
    // rows of 7 outputs (vectors of 4 lanes, the last overlapping), of 21 from an odd width (16
    // lanes and one overlapping vector), a stride of 3 (element by element), strides that differ
    // down and along the rows, and a batch.
    String w256 = "%w = " + constant(shape(256, 256, 1, 1));
    check("conv_turned_subsampled", List.of(shape(2, 256, 14, 14)), shape(2, 256, 7, 7), "\"nn.conv\"(%arg0, %w)", "{strides = array<i64: 2, 2>}", w256);
    check("conv_turned_subsampled_odd_width", List.of(shape(1, 256, 2, 41)), shape(1, 256, 1, 21), "\"nn.conv\"(%arg0, %w)",
        "{strides = array<i64: 2, 2>}", w256);
    check("conv_turned_subsampled_stride_3", List.of(shape(1, 256, 9, 10)), shape(1, 256, 3, 4), "\"nn.conv\"(%arg0, %w)", "{strides = array<i64: 3, 3>}",
        w256);
    check("conv_turned_subsampled_rows_only", List.of(shape(1, 256, 10, 6)), shape(1, 256, 5, 6), "\"nn.conv\"(%arg0, %w)",
        "{strides = array<i64: 2, 1>}", w256);
    // Constant weights in tap-major order: panels in the first and last rows of each image
    // (rows of 29 pixels, panels of 6) skip the taps of the kernel row above and below the image,
    // the last, partial panel too; a wrong range or a skipped tap that is read shows in the result.
    checkResidual("conv_turned_skips_padding", shape(2, 32, 4, 29), shape(128, 32, 3, 3), shape(2, 128, 4, 29),
        "{pads = array<i64: 1, 1, 1, 1>}", new SolOptions(), 1e-5);
    // A is read from the channel-blocked padded copy (blocks of 8 channels per pixel): 20
    // channels leave the last block half empty (zeros), and rows of 13 pixels are copied as one
    // transposed group of 8 and 5 pixels one by one; asymmetric padding and a dilation too.
    check("conv_turned_blocked_odd_channels", List.of(shape(2, 20, 5, 13), shape(120, 20, 3, 3), shape(120)), shape(2, 120, 5, 13),
        "\"nn.conv\"(%arg0, %arg1, %arg2)", "{pads = array<i64: 1, 1, 1, 1>}");
    check("conv_turned_blocked_dilated", List.of(shape(1, 12, 34, 30), shape(16, 12, 3, 3)), shape(1, 16, 34, 30), "\"nn.conv\"(%arg0, %arg1)",
        "{dilations = array<i64: 2, 2>, pads = array<i64: 2, 1, 2, 3>}");
  }

  /**
   * Convolutions of several groups (not depthwise) are a loop over groups, each product on views
   * of its channels: 1 x 1, padded 3 x 3 (the shifted image), strided (im2col), many small
   * groups, constant weights packed group by group, and a fused bias, residual add and ReLU whose
   * epilogue must see the result's own channels.
   */
  @Test void groupedConvolutions() throws Exception {
    check("grouped_1x1", List.of(shape(2, 12, 7, 9), shape(18, 4, 1, 1)), shape(2, 18, 7, 9), "\"nn.conv\"(%arg0, %arg1)", "{group = 3 : i64}");
    check("grouped_3x3", List.of(shape(1, 16, 12, 12), shape(16, 8, 3, 3), shape(16)), shape(1, 16, 12, 12),
        "\"nn.conv\"(%arg0, %arg1, %arg2)", "{group = 2 : i64, pads = array<i64: 1, 1, 1, 1>}");
    check("grouped_strided", List.of(shape(2, 6, 15, 17), shape(9, 2, 3, 2)), shape(2, 9, 7, 9), "\"nn.conv\"(%arg0, %arg1)",
        "{group = 3 : i64, strides = array<i64: 2, 2>, pads = array<i64: 1, 0, 0, 1>}");
    String w = "%w = " + constant(shape(64, 4, 3, 3));
    check("grouped_many_constant", List.of(shape(1, 64, 9, 9)), shape(1, 64, 9, 9), "\"nn.conv\"(%arg0, %w)",
        "{group = 16 : i64, pads = array<i64: 1, 1, 1, 1>}", w);
    String residual = String.join("\n    ",
        "%w = " + constant(shape(24, 6, 3, 3)),
        "%c = \"nn.conv\"(%arg0, %w, %arg2) {group = 2 : i64, pads = array<i64: 1, 1, 1, 1>} : (tensor<2x12x6x6xf32>, tensor<24x6x3x3xf32>, tensor<24xf32>) -> tensor<2x24x6x6xf32>",
        "%s = \"nn.add\"(%c, %arg1) : (tensor<2x24x6x6xf32>, tensor<2x24x6x6xf32>) -> tensor<2x24x6x6xf32>");
    check("grouped_residual", List.of(shape(2, 12, 6, 6), shape(2, 24, 6, 6), shape(24)), shape(2, 24, 6, 6), "\"nn.relu\"(%s)", "", residual,
        "tensor<2x24x6x6xf32>");
  }

  /**
   * Strided convolutions on two threads, each taking a run of bands of output rows with a column
   * matrix of its own, the product over 1152 values of k (two blocks of k). 72 x 72 -> 36 x 36
   * makes six bands of 6 rows, three for each thread, of 216 columns whose last vector is
   * masked: its lanes past the band must not touch the next band, which the other thread has
   * already computed. Then a batch (60 x 60 -> 30 x 30, bands of 6 rows, of 180 columns) with a
   * fused residual add and ReLU. (Sums of 1152 products of values in [-1, 1] differ from the
   * interpreter's order by some 1e-5, hence the absolute tolerance.)
   */
  @Test void stridedConvolutionsInBandsOnThreads() throws Exception {
    SolOptions threads = new SolOptions().threads(2).parallelWork(1);
    check("conv_bands", List.of(shape(1, 128, 72, 72), shape(16, 128, 3, 3), shape(16)), shape(1, 16, 36, 36),
        "\"nn.conv\"(%arg0, %arg1, %arg2)", "{strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>}", null, null, threads, 1e-4);
    checkResidual("conv_bands_residual", shape(2, 128, 60, 60), shape(16, 128, 3, 3), shape(2, 16, 30, 30),
        "{strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>}", threads, 1e-4);
    // A network's first convolution (3 channels) on threads takes the shifted copies instead of
    // bands, each thread building the band of copy rows that its columns read; with padding, and
    // without.
    check("conv_few_channels_copies", List.of(shape(1, 3, 67, 67), shape(24, 3, 3, 3), shape(24)), shape(1, 24, 34, 34),
        "\"nn.conv\"(%arg0, %arg1, %arg2)", "{strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>}", null, null, threads, 1e-4);
    check("conv_few_channels_copies_unpadded", List.of(shape(1, 3, 67, 67), shape(24, 3, 3, 3), shape(24)), shape(1, 24, 33, 33),
        "\"nn.conv\"(%arg0, %arg1, %arg2)", "{strides = array<i64: 2, 2>}", null, null, threads, 1e-4);
    // A 1 x 1 convolution whose rows are not whole vectors, split across the threads: each part
    // copies the B panels it reads instead of one thread packing them all first.
    check("conv_1x1_split_panel_copies", List.of(shape(1, 40, 13, 13), shape(96, 40, 1, 1), shape(96)), shape(1, 96, 13, 13),
        "\"nn.conv\"(%arg0, %arg1, %arg2)", "", null, null, threads, 1e-4);
    // 32 output channels over 64 pixels take 6 x 4 vectors with 32 registers (KernelShape), a
    // band's fewer columns 8 x 2: each band must keep the rows its constant weights were packed
    // in (ResNet's 1 x 1 shortcut with stride 2 gave wrong results on two threads).
    String w = "%w = " + constant(shape(32, 16, 1, 1));
    check("conv_bands_packed_rows", List.of(shape(1, 16, 16, 16)), shape(1, 32, 8, 8), "\"nn.conv\"(%arg0, %w)", "{strides = array<i64: 2, 2>}", w,
        null, threads, 1e-4);
  }

  /**
   * Small images on two threads: each thread packs its own panels of pixels, multiplies them
   * and copies its rows out (ChannelLanesConv.inParts). Parts of 22 and 21 panels of 6 (the
   * last one partial), and a fused residual add and ReLU. With two images a part's rows are
   * copied out by transposed blocks from its first row in each image: the second part of
   * conv_turned_parts starts at pixel 4 of image 1 (7 blocks of 16 pixels and 12 one at a
   * time), that of conv_turned_parts_residual at pixel 3 of image 1 of 81. (Five pixels by 120
   * channels, conv_turned_parts_small, go to the product's own split: the weights are far
   * larger, and 120 channels are not whole vectors for parts by channels.)
   */
  @Test void channelsInTheLanesInPartsOnThreads() throws Exception {
    SolOptions threads = new SolOptions().threads(2).parallelWork(1);
    check("conv_turned_parts", List.of(shape(2, 64, 4, 32), shape(192, 64, 3, 3), shape(192)), shape(2, 192, 4, 32),
        "\"nn.conv\"(%arg0, %arg1, %arg2)", "{pads = array<i64: 1, 1, 1, 1>}", null, null, threads, 1e-5);
    check("conv_turned_parts_small", List.of(shape(1, 40, 5, 5), shape(120, 40, 3, 3)), shape(1, 120, 5, 5),
        "\"nn.conv\"(%arg0, %arg1)", "{pads = array<i64: 1, 1, 1, 1>}", null, null, threads, 1e-5);
    checkResidual("conv_turned_parts_residual", shape(2, 32, 9, 9), shape(128, 32, 3, 3), shape(2, 128, 9, 9), "{pads = array<i64: 1, 1, 1, 1>}",
        threads, 1e-5);
    // Weights far larger than the image: the parts split the output channels (ChannelLanesConv.inColumnParts),
    // each copying its own out: equal parts, a smaller last part (128 and 64 channels), and a fused residual add and ReLU.
    check("conv_turned_column_parts", List.of(shape(1, 512, 7, 7), shape(512)), shape(1, 512, 7, 7), "\"nn.conv\"(%arg0, %w, %arg1)", "",
        "%w = " + constant(shape(512, 512, 1, 1)), null, threads, 1e-4);
    check("conv_turned_column_parts_uneven", List.of(shape(1, 256, 5, 5)), shape(1, 192, 5, 5), "\"nn.conv\"(%arg0, %w)",
        "{pads = array<i64: 1, 1, 1, 1>}", "%w = " + constant(shape(192, 256, 3, 3)), null, threads, 1e-4);
    checkResidual("conv_turned_column_parts_residual", shape(1, 128, 4, 5), shape(256, 128, 1, 1), shape(1, 256, 4, 5), "", threads, 1e-4);
    // The subsampled copy of a strided 1 x 1 window, made by both threads, with a residual add.
    checkResidual("conv_turned_subsampled_parts_residual", shape(1, 128, 14, 14), shape(256, 128, 1, 1), shape(1, 256, 7, 7),
        "{strides = array<i64: 2, 2>}", threads, 1e-4);
    checkResidual("conv_turned_subsampled_parts_batch", shape(2, 128, 28, 28), shape(256, 128, 1, 1), shape(2, 256, 14, 14),
        "{strides = array<i64: 2, 2>}", threads, 1e-4);
    // Weights larger than the pixels' matrix, not far larger (ChannelLanesConv.weightsLarger):
    // 100 pixels by 128 channels go by channels too, two parts of 64; and two images of 7 x 7
    // (98 pixels), with a fused residual add and ReLU.
    check("conv_turned_column_parts_weights_larger", List.of(shape(1, 64, 10, 10), shape(128, 64, 3, 3)), shape(1, 128, 10, 10),
        "\"nn.conv\"(%arg0, %arg1)", "{pads = array<i64: 1, 1, 1, 1>}", null, null, threads, 1e-5);
    checkResidual("conv_turned_column_parts_weights_larger_batch", shape(2, 32, 7, 7), shape(128, 32, 3, 3), shape(2, 128, 7, 7),
        "{pads = array<i64: 1, 1, 1, 1>}", threads, 1e-5);
    // Column parts read A in place (every part reads all of it): from the padded copy with a
    // stride, and across the images of a batch.
    check("conv_turned_column_parts_strided", List.of(shape(1, 256, 9, 9)), shape(1, 256, 5, 5), "\"nn.conv\"(%arg0, %w)",
        "{strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>}", "%w = " + constant(shape(256, 256, 3, 3)), null, threads, 1e-4);
    check("conv_turned_column_parts_batch", List.of(shape(2, 512, 3, 3)), shape(2, 512, 3, 3), "\"nn.conv\"(%arg0, %w)", "",
        "%w = " + constant(shape(512, 512, 1, 1)), null, threads, 1e-4);
    // A network's first convolution: three channels (one block of the blocked copy, which the
    // threads then copy by padded rows), 7 x 7 with stride 2, padded unevenly.
    check("conv_turned_parts_three_channels", List.of(shape(1, 3, 22, 26), shape(32, 3, 7, 7), shape(32)), shape(1, 32, 11, 13),
        "\"nn.conv\"(%arg0, %arg1, %arg2)", "{strides = array<i64: 2, 2>, pads = array<i64: 3, 3, 2, 3>}", null, null, threads, 1e-5);
    // The second part's panels look up their ranges of k from its first panel on.
    checkResidual("conv_turned_parts_skips_padding", shape(2, 32, 4, 29), shape(128, 32, 3, 3), shape(2, 128, 4, 29),
        "{pads = array<i64: 1, 1, 1, 1>}", threads, 1e-5);
  }

  /**
   * A 3 x 3 convolution with few output channels on an image of more than 1024 pixels takes the
   * turned product (32 channels fill 32 of the usual tile's 36 rows): weights at run time, and
   * constant with the epilogue of a residual add and ReLU on two threads.
   */
  /**
   * At batch 2 the fused convolutions before a concat along channels write their slabs of the
   * concat's buffer in place, through strided views (an image's channels lie apart from the next
   * image's): a turned product (120 channels of 5 x 5), the usual one (16 channels of 12 x 12,
   * padded 3 x 3), on one thread and on two, and the operand between them (not produced here)
   * copied by the concat. A slab at the wrong offset or stride shows in the result.
   */
  @Test void convolutionsWriteTheirSlabsOfAConcatAtBatchTwo() throws Exception {
    for (long side : new long[] {5, 12}) {
      long[] image = shape(2, 40, side, side);
      long[] wide = shape(2, 120, side, side);
      long[] narrow = shape(2, 16, side, side);
      long[] between = shape(2, 3, side, side);
      String prelude = String.join("\n    ",
          "%wa = " + constant(shape(120, 40, 1, 1)),
          "%a = \"nn.conv\"(%arg0, %wa) : (" + tensor(image) + ", tensor<120x40x1x1xf32>) -> " + tensor(wide),
          "%ra = \"nn.relu\"(%a) : (" + tensor(wide) + ") -> " + tensor(wide),
          "%wb = " + constant(shape(16, 40, 3, 3)),
          "%b = \"nn.conv\"(%arg0, %wb) {pads = array<i64: 1, 1, 1, 1>} : (" + tensor(image) + ", tensor<16x40x3x3xf32>) -> " + tensor(narrow),
          "%rb = \"nn.relu\"(%b) : (" + tensor(narrow) + ") -> " + tensor(narrow));
      String types = tensor(wide) + ", " + tensor(between) + ", " + tensor(narrow);
      for (SolOptions options : List.of(new SolOptions().threads(1), new SolOptions().threads(2).parallelWork(1))) {
        check("concat_slabs_" + side + "_" + options.threads(), List.of(image, between), shape(2, 139, side, side),
            "\"nn.concat\"(%ra, %arg1, %rb)", "{axis = 1 : i64}", prelude, types, options, 1e-5);
      }
    }
  }

  /**
   * A batch of as many images for each thread goes to the threads as whole images, each
   * product on one thread with scratch buffers of its own: a 1 x 1 convolution whose pixels are
   * packed first (5 x 5), one whose panels are copied (8 x 8), and a padded 3 x 3 one on shifted
   * copies (27 x 27), at batch 2 and 4. Two threads match the interpreter and give one thread's
   * results bit for bit (a part that used another's scratch would not).
   */
  @Test void batchesGoToTheThreadsAsWholeImages() throws Exception {
    for (long batch : new long[] {2, 4}) {
      String w1 = "%w = " + constant(shape(48, 16, 1, 1));
      checkThreadsAgree("images_1x1_packed_" + batch, shape(batch, 16, 5, 5), shape(batch, 48, 5, 5), "", w1);
      checkThreadsAgree("images_1x1_copied_" + batch, shape(batch, 16, 8, 8), shape(batch, 48, 8, 8), "", w1);
      String w3 = "%w = " + constant(shape(128, 32, 3, 3));
      checkThreadsAgree("images_3x3_shifted_" + batch, shape(batch, 32, 27, 27), shape(batch, 128, 27, 27), "{pads = array<i64: 1, 1, 1, 1>}", w3,
          false);
    }
  }

  /** conv(image, the constant %w of {@code prelude}) on two threads (parallel work 1): as the interpreter, and as one thread bit for bit. */
  private void checkThreadsAgree(String name, long[] image, long[] result, String attributes, String prelude) throws Exception {
    checkThreadsAgree(name, image, result, attributes, prelude, true, 2, 1e-5);
  }

  private void checkThreadsAgree(String name, long[] image, long[] result, String attributes, String prelude, boolean winograd) throws Exception {
    checkThreadsAgree(name, image, result, attributes, prelude, winograd, 2, 1e-5);
  }

  /**
   * {@link #checkThreadsAgree} with Winograd convolutions allowed or not (false: the direct
   * kernels, whatever the shape), on {@code threads} threads against one, within {@code atol}
   * (and a relative 1e-4) of the interpreter.
   */
  private void checkThreadsAgree(String name, long[] image, long[] result, String attributes, String prelude, boolean winograd, int threads,
      double atol) throws Exception {
    Path file = writeModel(name, List.of(image), result, "\"nn.conv\"(%arg0, %w)", attributes, prelude, null);
    Map<String, SolTensor> feeds = Map.of("input_0", SolTensor.of(image, randoms(count(image))));
    try (SolModel one = SolModel.compile(file, new SolOptions().threads(1).winograd(winograd));
         SolModel two = SolModel.compile(file, new SolOptions().threads(threads).parallelWork(1).winograd(winograd));
         SolModel interp = SolModel.compile(file, new SolOptions().backend(SolOptions.Backend.INTERPRETER));
         SolModel.Result a = one.run(feeds);
         SolModel.Result b = two.run(feeds);
         SolModel.Result expected = interp.run(feeds)) {
      assertNull(ConformanceCase.compare(b.get("output_0"), expected.get("output_0"), 1e-4, atol), name);
      assertArrayEquals(a.get("output_0").toFloatArray(), b.get("output_0").toFloatArray(), 0f, name + ": two threads must give one thread's results");
    } finally {
      for (SolTensor t : feeds.values()) t.close();
    }
  }

  /**
   * 3 x 3 convolutions of stride 1 with constant weights by Winograd's F(2 x 2, 3 x 3) (see
   * WinogradConv): rows of tiles in vectors of 16 lanes and of 8 (7 tiles to a row at 14 x 14),
   * asymmetric padding with an odd number of output rows, a batch, the bias, relu(conv +
   * residual) on two threads; on two threads the blocks of tile rows go to the parts, or, with
   * fewer blocks than two per thread, their out channels, or from 128 channels (or with out
   * channels that do not go evenly to the threads) their rows of places, every way as one
   * thread bit for bit. The weights are
   * transformed in double and rounded once, the sums differ from the direct ones in the last bits.
   */
  @Test void winogradConvolutions() throws Exception {
    check("winograd_bias", List.of(shape(1, 32, 20, 36), shape(48)), shape(1, 48, 20, 36), "\"nn.conv\"(%arg0, %w, %arg1)",
        "{pads = array<i64: 1, 1, 1, 1>}", "%w = " + constant(shape(48, 32, 3, 3)));
    // Bounds-checked: every access of the padded copy, V, M and the masked stores inside its buffer.
    check("winograd_odd_rows", List.of(shape(2, 16, 15, 29)), shape(2, 24, 15, 28), "\"nn.conv\"(%arg0, %w)", "{pads = array<i64: 1, 1, 1, 0>}",
        "%w = " + constant(shape(24, 16, 3, 3)), null, new SolOptions().checkBounds(true), 1e-5);
    check("winograd_eight_lanes", List.of(shape(1, 64, 14, 14)), shape(1, 64, 14, 14), "\"nn.conv\"(%arg0, %w)", "{pads = array<i64: 1, 1, 1, 1>}",
        "%w = " + constant(shape(64, 64, 3, 3)));
    checkResidual("winograd_residual", shape(1, 32, 28, 28), shape(32, 32, 3, 3), shape(1, 32, 28, 28), "{pads = array<i64: 1, 1, 1, 1>}",
        new SolOptions().threads(2).parallelWork(1), 1e-5);
    checkThreadsAgree("winograd_blocks_on_threads", shape(2, 32, 28, 28), shape(2, 48, 28, 28), "{pads = array<i64: 1, 1, 1, 1>}",
        "%w = " + constant(shape(48, 32, 3, 3)));
    // One block of 64 channels on two threads: the out channels shared between the parts.
    checkThreadsAgree("winograd_channels_on_threads", shape(1, 64, 14, 14), shape(1, 64, 14, 14), "{pads = array<i64: 1, 1, 1, 1>}",
        "%w = " + constant(shape(64, 64, 3, 3)));
    // One block of 128 channels on two threads: each part takes two of the four rows of places,
    // a second pass finishes the output. The weights are not scaled to the fan-in: sums of 1152
    // products of values in [-1, 1], outputs of some 10, whose last bits near zero differ from
    // the interpreter's by some 1e-5, hence atol 1e-4.
    checkThreadsAgree("winograd_rows_of_places_on_threads", shape(1, 128, 14, 14), shape(1, 64, 14, 14), "{pads = array<i64: 1, 1, 1, 1>}",
        "%w = " + constant(shape(64, 128, 3, 3)), true, 2, 1e-4);
    // Three images (blocks) in six pieces: a part's second piece of a block uses the padded copy its first one made.
    checkThreadsAgree("winograd_rows_of_places_batch", shape(3, 128, 14, 14), shape(3, 64, 14, 14), "{pads = array<i64: 1, 1, 1, 1>}",
        "%w = " + constant(shape(64, 128, 3, 3)), true, 2, 1e-4);
    // Bounds-checked: the rows of M A too.
    check("winograd_rows_of_places_bounds", List.of(shape(1, 128, 13, 14), shape(48)), shape(1, 48, 13, 14), "\"nn.conv\"(%arg0, %w, %arg1)",
        "{pads = array<i64: 1, 1, 1, 1>}", "%w = " + constant(shape(48, 128, 3, 3)), null,
        new SolOptions().threads(2).parallelWork(1).checkBounds(true), 1e-4);
    // relu(conv + residual) fused into the second pass of a split block.
    checkResidual("winograd_rows_of_places_residual", shape(1, 128, 14, 14), shape(64, 128, 3, 3), shape(1, 64, 14, 14),
        "{pads = array<i64: 1, 1, 1, 1>}", new SolOptions().threads(2).parallelWork(1), 1e-4);
    // Fewer channels, but 17 out channels that do not go to two threads evenly: rows split too.
    checkThreadsAgree("winograd_rows_of_places_odd_out_channels", shape(1, 32, 14, 14), shape(1, 17, 14, 14), "{pads = array<i64: 1, 1, 1, 1>}",
        "%w = " + constant(shape(17, 32, 3, 3)));
    // 7 blocks of 2 rows of tiles (28 x 28), uneven for two threads: each part takes 7 rows of
    // tiles (blocks of 2, 2, 2 and 1), bit for bit one thread's results; and bounds-checked at
    // 27 x 27 (its last row of tiles half outside the image), and with relu(conv + residual)
    // (winograd_residual above).
    checkThreadsAgree("winograd_rows_per_part", shape(1, 32, 28, 28), shape(1, 48, 28, 28), "{pads = array<i64: 1, 1, 1, 1>}",
        "%w = " + constant(shape(48, 32, 3, 3)));
    check("winograd_rows_per_part_bounds", List.of(shape(1, 32, 27, 27), shape(48)), shape(1, 48, 27, 27), "\"nn.conv\"(%arg0, %w, %arg1)",
        "{pads = array<i64: 1, 1, 1, 1>}", "%w = " + constant(shape(48, 32, 3, 3)), null,
        new SolOptions().threads(2).parallelWork(1).checkBounds(true), 1e-5);
    // Two blocks of 3 rows of tiles with few channels, on three threads: each block in three
    // shares of the out channels; a part's second share of a block uses the block's V that its
    // first one made.
    checkThreadsAgree("winograd_shares_of_a_block", shape(1, 32, 12, 28), shape(1, 48, 12, 28), "{pads = array<i64: 1, 1, 1, 1>}",
        "%w = " + constant(shape(48, 32, 3, 3)), true, 3, 1e-5);
    // F(4 x 4, 3 x 3) when asked for: rows of 18 tiles (two vectors of 16, one mostly padding),
    // and relu(conv + residual) on two threads. Its errors are some 1e-5 of the output's scale
    // (the weights here are not scaled to the fan-in: outputs of some 5), hence the wider atol.
    check("winograd_f4", List.of(shape(1, 32, 20, 70), shape(48)), shape(1, 48, 20, 70), "\"nn.conv\"(%arg0, %w, %arg1)",
        "{pads = array<i64: 1, 1, 1, 1>}", "%w = " + constant(shape(48, 32, 3, 3)), null, new SolOptions().winogradF4(true).checkBounds(true), 1e-4);
    checkResidual("winograd_f4_residual", shape(1, 32, 16, 64), shape(32, 32, 3, 3), shape(1, 32, 16, 64), "{pads = array<i64: 1, 1, 1, 1>}",
        new SolOptions().threads(2).parallelWork(1).winogradF4(true), 1e-4);
  }

  @Test void largeImagesWithFewChannelsInTheLanes() throws Exception {
    check("conv_turned_large_image", List.of(shape(1, 48, 36, 36), shape(32, 48, 3, 3), shape(32)), shape(1, 32, 36, 36),
        "\"nn.conv\"(%arg0, %arg1, %arg2)", "{pads = array<i64: 1, 1, 1, 1>}");
    checkResidual("conv_turned_large_image_residual_threads", shape(1, 48, 36, 36), shape(32, 48, 3, 3), shape(1, 32, 36, 36),
        "{pads = array<i64: 1, 1, 1, 1>}", new SolOptions().threads(2).parallelWork(1), 1e-5);
    // A 7 x 7 stem whose product (12544 pixels of 64 channels, 3.2 MB) outgrows L2: multiplied
    // and copied out in chunks through scratch rows of the product (ChannelLanesConv.chunkRows),
    // on one thread and in the two threads' parts, with a last chunk shorter than the rest.
    for (int threads = 1; threads <= 2; threads++) {
      check("conv_turned_stem_chunks_" + threads, List.of(shape(1, 3, 224, 224), shape(64, 3, 7, 7), shape(64)), shape(1, 64, 112, 112),
          "\"nn.conv\"(%arg0, %arg1, %arg2)", "{strides = array<i64: 2, 2>, pads = array<i64: 3, 3, 3, 3>}", null, null,
          new SolOptions().threads(threads), 1e-5);
    }
  }

  /**
   * Transposed convolutions as a product and a scatter (VectorConvTranspose): windows that do
   * not overlap (2 x 2, stride 2) and that do (3 x 3, stride 2, with padding and output
   * padding), dilation with asymmetric padding, weights given at run time and as constants,
   * enough output channels for copied B panels, input rows in blocks with a last one shorter,
   * two threads, and groups (a depthwise one).
   */
  @Test void transposedConvolutionsAsProductsAndScatters() throws Exception {
    check("deconv_2x2_stride_2", List.of(shape(2, 5, 7, 9), shape(5, 3, 2, 2), shape(3)), shape(2, 3, 14, 18),
        "\"nn.conv_transpose\"(%arg0, %arg1, %arg2)", "{strides = array<i64: 2, 2>}");
    check("deconv_overlapping", List.of(shape(1, 4, 6, 5), shape(4, 6, 3, 3)), shape(1, 6, 12, 10), "\"nn.conv_transpose\"(%arg0, %arg1)",
        "{strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, output_padding = array<i64: 1, 1>}");
    check("deconv_dilated", List.of(shape(1, 3, 5, 6), shape(3, 2, 3, 2)), shape(1, 2, 8, 6), "\"nn.conv_transpose\"(%arg0, %arg1)",
        "{dilations = array<i64: 2, 1>, pads = array<i64: 1, 0, 0, 1>}");
    String attributes = "{strides = array<i64: 2, 2>}";
    String prelude = "%w = " + constant(shape(8, 64, 2, 2));
    check("deconv_constant_blocks", List.of(shape(1, 8, 45, 100), shape(64)), shape(1, 64, 90, 200), "\"nn.conv_transpose\"(%arg0, %w, %arg1)",
        attributes, prelude);
    check("deconv_constant_threads", List.of(shape(2, 8, 9, 20), shape(64)), shape(2, 64, 18, 40), "\"nn.conv_transpose\"(%arg0, %w, %arg1)",
        attributes, prelude, null, new SolOptions().threads(2).parallelWork(1), 1e-5);
    // Groups: each its own product on its channels; weights at run time, and constant (depthwise).
    check("deconv_grouped", List.of(shape(1, 6, 5, 7), shape(6, 2, 3, 3)), shape(1, 6, 9, 13), "\"nn.conv_transpose\"(%arg0, %arg1)",
        "{strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, group = 3 : i64}");
    check("deconv_depthwise_constant", List.of(shape(1, 8, 6, 6), shape(8)), shape(1, 8, 12, 12), "\"nn.conv_transpose\"(%arg0, %w, %arg1)",
        "{strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, group = 8 : i64}", "%w = " + constant(shape(8, 1, 4, 4)));
  }

  /**
   * Depthwise transposed convolutions as a direct kernel (DepthwiseConvTranspose): 4 x 4 with
   * stride 2 (rows not a whole number of vectors), an odd 3 x 3 window with output padding,
   * 2 x 2 without padding, stride 1 along the row and 3 down it with asymmetric padding,
   * output rows that no window row reaches, an end padding longer than the input, a window
   * narrower than the stride, and two threads over 64 channels at 64 x 64.
   */
  @Test void depthwiseTransposedConvolutionsGather() throws Exception {
    check("deconv_dw_4x4", List.of(shape(2, 5, 9, 13), shape(5, 1, 4, 4), shape(5)), shape(2, 5, 18, 26),
        "\"nn.conv_transpose\"(%arg0, %arg1, %arg2)", "{strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, group = 5 : i64}");
    check("deconv_dw_3x3_output_padding", List.of(shape(1, 4, 7, 11), shape(4, 1, 3, 3)), shape(1, 4, 14, 22),
        "\"nn.conv_transpose\"(%arg0, %arg1)", "{strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, output_padding = array<i64: 1, 1>, group = 4 : i64}");
    check("deconv_dw_2x2", List.of(shape(1, 3, 6, 20), shape(3, 1, 2, 2), shape(3)), shape(1, 3, 12, 40),
        "\"nn.conv_transpose\"(%arg0, %arg1, %arg2)", "{strides = array<i64: 2, 2>, group = 3 : i64}");
    check("deconv_dw_strides_3_1", List.of(shape(1, 2, 5, 19), shape(2, 1, 5, 3)), shape(1, 2, 14, 20),
        "\"nn.conv_transpose\"(%arg0, %arg1)", "{strides = array<i64: 3, 1>, pads = array<i64: 2, 0, 1, 1>, group = 2 : i64}");
    check("deconv_dw_uncovered_rows", List.of(shape(1, 2, 3, 8), shape(2, 1, 1, 2)), shape(1, 2, 9, 16),
        "\"nn.conv_transpose\"(%arg0, %arg1)", "{strides = array<i64: 3, 2>, output_padding = array<i64: 2, 0>, group = 2 : i64}");
    check("deconv_dw_long_end_pad", List.of(shape(1, 2, 1, 4), shape(2, 1, 3, 3)), shape(1, 2, 1, 6), "\"nn.conv_transpose\"(%arg0, %arg1)",
        "{pads = array<i64: 0, 0, 2, 0>, group = 2 : i64}");
    check("deconv_dw_narrow_window", List.of(shape(1, 3, 4, 9), shape(3, 1, 3, 1), shape(3)), shape(1, 3, 4, 17),
        "\"nn.conv_transpose\"(%arg0, %arg1, %arg2)", "{strides = array<i64: 1, 2>, pads = array<i64: 1, 0, 1, 0>, group = 3 : i64}");
    check("deconv_dw_threads", List.of(shape(1, 64, 64, 64), shape(64, 1, 4, 4), shape(64)), shape(1, 64, 128, 128),
        "\"nn.conv_transpose\"(%arg0, %arg1, %arg2)", "{strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, group = 64 : i64}", null, null,
        new SolOptions().threads(2).parallelWork(1), 1e-5);
  }

  /**
   * Reductions over the channels of NCHW (ReduceLowering's columns): a mean whose 63 columns
   * are one short block (the last vector masked), sums and a min over 400 columns (whole blocks
   * on the threads' loop, then the rest), over two leading axes.
   */
  @Test void reductionsOverChannelsInVectorsOfColumns() throws Exception {
    check("mean_channels", List.of(shape(2, 96, 7, 9)), shape(2, 1, 7, 9), "\"nn.reduce_mean\"(%arg0)", "{axes = array<i64: 1>, keepdims = 1 : i64}");
    check("sum_channels_threads", List.of(shape(2, 5, 20, 20)), shape(2, 20, 20), "\"nn.reduce_sum\"(%arg0)", "{axes = array<i64: 1>, keepdims = 0 : i64}",
        null, null, new SolOptions().threads(2).parallelWork(1), 1e-5);
    check("min_leading_axes", List.of(shape(3, 4, 400)), shape(1, 1, 400), "\"nn.reduce_min\"(%arg0)", "{axes = array<i64: 0, 1>, keepdims = 1 : i64}");
  }

  /**
   * Transposes whose result rows run across the input's rows (TransposeLowering's tiles): whole
   * tiles transposed in registers and partial ones at both ends, other axes around them, and
   * two threads (a misplaced element would differ far beyond the tolerance).
   */
  @Test void transposesInTiles() throws Exception {
    check("transpose_mixer", List.of(shape(1, 196, 512)), shape(1, 512, 196), "\"nn.transpose\"(%arg0)", "{perm = array<i64: 0, 2, 1>}", null, null,
        new SolOptions(), 0);
    check("transpose_rotate", List.of(shape(3, 20, 37)), shape(37, 3, 20), "\"nn.transpose\"(%arg0)", "{perm = array<i64: 2, 0, 1>}", null, null,
        new SolOptions(), 0);
    check("transpose_threads", List.of(shape(2, 5, 17, 33)), shape(2, 33, 5, 17), "\"nn.transpose\"(%arg0)", "{perm = array<i64: 0, 3, 1, 2>}", null,
        null, new SolOptions().threads(2).parallelWork(1), 0);
  }

  @Test void constantWeightsArePackedAtCompileTime() throws Exception {
    String weights = constant(shape(29, 23));
    check("gemm_constant_b", List.of(shape(3, 23), shape(29)), shape(3, 29),
        "\"nn.gemm\"(%arg0, %w, %arg1)", "{trans_b = 1 : i64}", "%w = " + weights);
    String b = constant(shape(23, 40));
    check("matmul_constant_b", List.of(shape(2, 5, 23)), shape(2, 5, 40), "\"nn.matmul\"(%arg0, %w)", "", "%w = " + b);
  }

  /**
   * One row against constant weights stored n x k (a fully connected layer at batch 1, see
   * VectorGemv): weights that fit in half the L2 cache go in tiles reordered at compile time,
   * here with tails along n and k (37 x 50) and without (64 x 48); larger ones (300 x 1000,
   * 1.2 MB) are read in place, with tails too.
   */
  @Test void oneRowAgainstConstantWeights() throws Exception {
    for (long[] nk : new long[][] {{37, 50}, {64, 48}, {300, 1000}}) {
      long n = nk[0];
      long k = nk[1];
      check("gemv_" + n + "x" + k, List.of(shape(1, k), shape(n)), shape(1, n), "\"nn.gemm\"(%arg0, %w, %arg1)", "{trans_b = 1 : i64}",
          "%w = " + constant(shape(n, k)));
    }
  }

  /**
   * Softmax rows in vectors (the exponential inline on vectors): a row with a masked tail
   * (37), whole vectors only (64), a long row on two threads, log-softmax, an axis followed by
   * an extent-1 axis, and an axis that is not contiguous (the scalar loops).
   */
  @Test void softmaxRows() throws Exception {
    check("softmax_tail", List.of(shape(3, 37)), shape(3, 37), "\"nn.softmax\"(%arg0)", "");
    check("softmax_whole_vectors", List.of(shape(2, 5, 64)), shape(2, 5, 64), "\"nn.softmax\"(%arg0)", "{axis = 2 : i64}");
    check("softmax_long_rows_threads", List.of(shape(4, 6625)), shape(4, 6625), "\"nn.softmax\"(%arg0)", "", null, null,
        new SolOptions().threads(2).parallelWork(1), 1e-6);
    check("log_softmax_tail", List.of(shape(4, 100)), shape(4, 100), "\"nn.log_softmax\"(%arg0)", "{axis = 1 : i64}");
    check("softmax_before_unit_axis", List.of(shape(2, 40, 1)), shape(2, 40, 1), "\"nn.softmax\"(%arg0)", "{axis = 1 : i64}");
    check("softmax_strided_axis", List.of(shape(2, 20, 3)), shape(2, 20, 3), "\"nn.softmax\"(%arg0)", "{axis = 1 : i64}");
  }

  private static long[] shape(long... dims) { return dims; }

  /**
   * relu(conv(image, constant weights of {@code weights}) + residual) with the convolution's
   * {@code attributes}, the second input being the residual of the result's shape: the fused
   * epilogue of a residual block.
   */
  private void checkResidual(String name, long[] image, long[] weights, long[] result, String attributes, SolOptions options, double atol)
      throws Exception {
    String out = tensor(result);
    String prelude = String.join("\n    ",
        "%w = " + constant(weights),
        "%c = \"nn.conv\"(%arg0, %w) " + attributes + " : (" + tensor(image) + ", " + tensor(weights) + ") -> " + out,
        "%s = \"nn.add\"(%c, %arg1) : (" + out + ", " + out + ") -> " + out);
    check(name, List.of(image, result), result, "\"nn.relu\"(%s)", "", prelude, out, options, atol);
  }

  private void check(String name, List<long[]> inputs, long[] result, String op, String attributes) throws Exception {
    check(name, inputs, result, op, attributes, null);
  }

  private void check(String name, List<long[]> inputs, long[] result, String op, String attributes, String prelude) throws Exception {
    check(name, inputs, result, op, attributes, prelude, null);
  }

  /**
   * A function of the inputs returning {@code op}'s result, after the ops of {@code prelude};
   * the JIT's result must match the interpreter's. {@code operandTypes} are op's (null: the
   * inputs', with the constant's type for %w).
   */
  private void check(String name, List<long[]> inputs, long[] result, String op, String attributes, String prelude, String operandTypes)
      throws Exception {
    check(name, inputs, result, op, attributes, prelude, operandTypes, new SolOptions(), 1e-5);
  }

  /** {@link #check} with the JIT compiling under {@code options}, results within {@code atol} (and a relative 1e-4). */
  private void check(String name, List<long[]> inputs, long[] result, String op, String attributes, String prelude, String operandTypes,
      SolOptions options, double atol) throws Exception {
    Path file = writeModel(name, inputs, result, op, attributes, prelude, operandTypes);
    Map<String, SolTensor> feeds = new LinkedHashMap<>();
    for (int i = 0; i < inputs.size(); i++) feeds.put("input_" + i, SolTensor.of(inputs.get(i), randoms(count(inputs.get(i)))));
    try (SolModel jit = SolModel.compile(file, options);
         SolModel interp = SolModel.compile(file, new SolOptions().backend(SolOptions.Backend.INTERPRETER));
         SolModel.Result got = jit.run(feeds);
         SolModel.Result expected = interp.run(feeds)) {
      assertNull(ConformanceCase.compare(got.get("output_0"), expected.get("output_0"), 1e-4, atol), name);
    } finally {
      for (SolTensor t : feeds.values()) t.close();
    }
  }

  private Path writeModel(String name, List<long[]> inputs, long[] result, String op, String attributes, String prelude, String opTypes)
      throws IOException {
    List<String> types = inputs.stream().map(VectorGemmJitTest::tensor).toList();
    String args = String.join(", ", IntStream.range(0, types.size()).mapToObj(i -> "%arg" + i + ": " + types.get(i)).toList());
    String operandTypes = opTypes != null ? opTypes : op.contains("%w") ? withWeight(op, types, prelude) : String.join(", ", types);
    String text = "\"builtin.module\"() ({\n  \"func.func\"() ({\n  ^bb0(" + args + "):\n"
        + (prelude == null ? "" : "    " + prelude + "\n")
        + "    %r = " + op + " " + attributes + " : (" + operandTypes + ") -> " + tensor(result) + "\n"
        + "    \"func.return\"(%r) : (" + tensor(result) + ") -> ()\n"
        + "  }) {function_type = (" + String.join(", ", types) + ") -> " + tensor(result) + ", sym_name = \"" + name + "\"} : () -> ()\n"
        + "}) : () -> ()\n";
    Path file = dir.resolve(name + ".mlir");
    Files.writeString(file, text);
    return file;
  }

  /** The operand types of an op that reads %w (the constant) where the text names it. */
  private static String withWeight(String op, List<String> types, String prelude) {
    String weightType = prelude.substring(prelude.lastIndexOf("-> ") + 3);
    List<String> operands = new ArrayList<>();
    for (String o : op.substring(op.indexOf('(') + 1, op.indexOf(')')).split(", ")) {
      operands.add(o.equals("%w") ? weightType : types.get(Integer.parseInt(o.substring(4))));
    }
    return String.join(", ", operands);
  }

  /** An nn.constant of random values of {@code dims} (a matrix, or any shape in hex). */
  private String constant(long[] dims) {
    float[] v = randoms(count(dims));
    if (dims.length != 2) {
      StringBuilder hex = new StringBuilder("0x");
      for (float f : v) {
        int bits = Float.floatToRawIntBits(f);
        for (int i = 0; i < 4; i++) hex.append(String.format("%02X", (bits >>> (8 * i)) & 0xFF));
      }
      return "\"nn.constant\"() {value = dense<\"" + hex + "\"> : " + tensor(dims) + "} : () -> " + tensor(dims);
    }
    List<String> rows = new ArrayList<>();
    for (int r = 0; r < dims[0]; r++) {
      float[] row = Arrays.copyOfRange(v, (int) (r * dims[1]), (int) ((r + 1) * dims[1]));
      rows.add(Arrays.toString(row).replace("E", "e"));
    }
    String body = "[" + String.join(", ", rows) + "]";
    return "\"nn.constant\"() {value = dense<" + body + "> : " + tensor(dims) + "} : () -> " + tensor(dims);
  }

  private static String tensor(long[] dims) {
    return "tensor<" + Arrays.stream(dims).mapToObj(Long::toString).collect(Collectors.joining("x")) + "xf32>";
  }

  private static int count(long[] dims) { return (int) Arrays.stream(dims).reduce(1, (x, y) -> x * y); }

  private float[] randoms(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) v[i] = (float) (random.nextDouble() * 2 - 1);
    return v;
  }
}
