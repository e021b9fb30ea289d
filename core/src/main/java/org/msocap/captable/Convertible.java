package org.msocap.captable;

import java.math.BigDecimal;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.msocap.model.HolderCategory;
import org.msocap.money.Money;

/**
 * A SAFE or note: shown beside the cap table because its share count is only known at conversion, with what it
 * would convert into at its cap on the model's {@code asOf} (so a SAFE holder's ownership does not read 0%).
 *
 * <p>As converted at cap (the financing convention of PRODUCT.md §8, on this table's fully diluted count F, the
 * unissued pool included): a pre-money SAFE takes {@code amount ÷ cap × F}; a note {@code (principal + simple
 * interest to asOf) ÷ cap × F}; post-money SAFEs own {@code amount ÷ cap} of the capitalization after every
 * conversion, solved jointly: {@code C = (F + pre-money SAFE shares + note shares) ÷ (1 − Σ amount ÷ cap)}. Shares
 * stay exact fractions; the fraction is of C. Without a cap there is no conversion at cap (a discount applies only
 * in a priced round).
 *
 * @param cap may be null
 * @param discount may be null
 * @param asConvertedShares common shares at the cap; null without a cap
 * @param ofAsConverted asConvertedShares ÷ C; null without a cap
 */
public record Convertible(String holder, String holderName, HolderCategory category, String kind, Money amount,
                          Money cap, BigDecimal discount, BigFraction asConvertedShares, BigFraction ofAsConverted) {

    public Optional<BigFraction> sharesAtCap() {
        return Optional.ofNullable(asConvertedShares);
    }

    public Optional<BigFraction> fractionAtCap() {
        return Optional.ofNullable(ofAsConverted);
    }
}
