package io.astraea.config;

/**
 * A currency registered at genesis, e.g. XUS with scaling factor 1,000,000 (one coin is a million
 * base units) and fractional part 100 (the smallest amount shown to users is 1/100 of a coin).
 *
 * @param code the currency code: a Move identifier such as {@code XUS}; its coin type is
 *     {@code 0x1::CODE::CODE}
 * @param scalingFactor base units per coin, positive
 * @param fractionalPart the smallest fraction of a coin clients display, between 1 and the scaling
 *     factor
 */
public record GenesisCurrency(String code, long scalingFactor, long fractionalPart) {}
