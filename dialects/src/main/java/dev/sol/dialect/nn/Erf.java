package dev.sol.dialect.nn;

/** The error function to double precision, by W. J. Cody's rational approximations (1969). */
public final class Erf {
  private Erf() {}

  private static final double[] C = {5.64188496988670089e-1, 8.88314979438837594, 6.61191906371416295e1, 2.98635138197400131e2,
      8.81952221241769090e2, 1.71204761263407058e3, 2.05107837782607147e3, 1.23033935479799725e3, 2.15311535474403846e-8};
  private static final double[] D = {1.57449261107098347e1, 1.17693950891312499e2, 5.37181101862009858e2, 1.62138957456669019e3,
      3.29079923573345963e3, 4.36261909014324716e3, 3.43936767414372164e3, 1.23033935480374942e3};
  private static final double[] P = {3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
      1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2};
  private static final double[] Q = {2.56852019228982242, 1.87295284992346725, 5.27905102951428412e-1, 6.05183413124413191e-2,
      2.33520497626869185e-3};
  private static final double ONE_OVER_SQRT_PI = 5.6418958354775628695e-1;

  public static double erf(double x) {
    if (Double.isNaN(x)) return x;
    double y = Math.abs(x);
    if (y < 0.5) {
      double z = y * y;
      double num = 1.85777706184603153e-1 * z;
      double den = z;
      double[] a = {3.16112374387056560, 1.13864154151050156e2, 3.77485237685302021e2};
      double[] b = {2.36012909523441209e1, 2.44024637934444173e2, 1.28261652607737228e3};
      for (int i = 0; i < 3; i++) {
        num = (num + a[i]) * z;
        den = (den + b[i]) * z;
      }
      return x * (num + 3.20937758913846947e3) / (den + 2.84423683343917062e3);
    }
    double r = erfc(y);
    return x < 0 ? r - 1 : 1 - r;
  }

  private static double erfc(double y) {
    double result;
    if (y < 4) {
      double num = C[8] * y;
      double den = y;
      for (int i = 0; i < 7; i++) {
        num = (num + C[i]) * y;
        den = (den + D[i]) * y;
      }
      result = (num + C[7]) / (den + D[7]);
    } else {
      double z = 1 / (y * y);
      double num = P[5] * z;
      double den = z;
      for (int i = 0; i < 4; i++) {
        num = (num + P[i]) * z;
        den = (den + Q[i]) * z;
      }
      result = z * (num + P[4]) / (den + Q[4]);
      result = (ONE_OVER_SQRT_PI - result) / y;
    }
    return Math.exp(-y * y) * result;
  }
}
