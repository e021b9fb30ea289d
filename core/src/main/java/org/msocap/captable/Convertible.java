package org.msocap.captable;

import java.math.BigDecimal;
import org.msocap.model.HolderCategory;
import org.msocap.money.Money;

/**
 * A SAFE or note: shown beside the cap table because its share count is only known at conversion.
 *
 * @param cap may be null
 * @param discount may be null
 */
public record Convertible(String holder, String holderName, HolderCategory category, String kind, Money amount,
                          Money cap, BigDecimal discount) {
}
