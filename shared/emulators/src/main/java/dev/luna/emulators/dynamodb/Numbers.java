package dev.luna.emulators.dynamodb;

import java.math.BigDecimal;

/** DynamoDB number parsing, limits and normalisation. */
final class Numbers {
  private static final int MAX_PRECISION = 38;
  private static final int MAX_EXPONENT = 125;
  private static final int MIN_EXPONENT = -130;

  private Numbers() {}

  static BigDecimal parse(String text) {
    try {
      return normalise(new BigDecimal(text));
    } catch (NumberFormatException e) {
      throw DynamoDbError.validation(
          "The parameter cannot be converted to a numeric value: " + text);
    }
  }

  /** Strips trailing zeros and enforces DynamoDB's precision and magnitude limits. */
  static BigDecimal normalise(BigDecimal value) {
    BigDecimal n = value.stripTrailingZeros();
    if (n.signum() == 0) {
      return BigDecimal.ZERO;
    }
    if (n.precision() > MAX_PRECISION) {
      throw DynamoDbError.validation(
          "Attempting to store more than 38 significant digits in a Number");
    }
    int exponent = n.precision() - n.scale() - 1;
    if (exponent > MAX_EXPONENT) {
      throw DynamoDbError.validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (exponent < MIN_EXPONENT) {
      throw DynamoDbError.validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
    return n;
  }

  static String format(BigDecimal value) {
    return value.toPlainString();
  }

  /** Approximate stored size of a number, as DynamoDB accounts for it. */
  static int size(BigDecimal value) {
    return (value.precision() + 1) / 2 + 1;
  }
}
