/* Classifies one image with a network deployed by sol-deploy as libMyNetwork (see README.md,
 * "Deploy as a C library"): plain C, no Java, no LLVM.
 *
 *   classify [INPUT]
 *
 * INPUT holds the input's MyNetwork_INPUT_0_BYTES bytes of raw floats. A longer file is read
 * from its end: an ONNX TensorProto (input_0.pb of an ONNX test folder) stores its elements
 * last, in its raw_data field. Without INPUT, a test pattern is classified.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "MyNetwork.h"

static float input[MyNetwork_INPUT_0_SIZE];
static float prob[MyNetwork_OUTPUT_0_SIZE];

static int read_input(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f == NULL || fseek(f, 0, SEEK_END) != 0) return 0;
  long size = ftell(f);
  int ok = size >= (long) sizeof input && fseek(f, size - (long) sizeof input, SEEK_SET) == 0
      && fread(input, 1, sizeof input, f) == sizeof input;
  fclose(f);
  return ok;
}

int main(int argc, char **argv) {
  if (argc > 1 && !read_input(argv[1])) {
    fprintf(stderr, "cannot read %d bytes of input from %s\n", MyNetwork_INPUT_0_BYTES, argv[1]);
    return 1;
  }
  if (argc <= 1) {
    for (int i = 0; i < MyNetwork_INPUT_0_SIZE; i++) input[i] = sinf(i * 0.01f);
  }

  float *outputs[MyNetwork_NUM_OUTPUTS] = {prob};
  predict_init(0);
  predict(NULL, input, outputs);
  if (*predict_last_error()) {
    fprintf(stderr, "predict failed: %s\n", predict_last_error());
    return 1;
  }

  printf("%s: %d classes\n", MyNetwork_OUTPUT_0_NAME, MyNetwork_OUTPUT_0_SIZE);
  for (int rank = 0; rank < 5 && rank < MyNetwork_OUTPUT_0_SIZE; rank++) {
    int best = -1;
    for (int i = 0; i < MyNetwork_OUTPUT_0_SIZE; i++) {
      if (prob[i] >= 0 && (best < 0 || prob[i] > prob[best])) best = i;
    }
    printf("class %4d: %.5f\n", best, prob[best]);
    prob[best] = -1;
  }
  return 0;
}
