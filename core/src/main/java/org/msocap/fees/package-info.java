/**
 * Management-fee streams, practice and MSO projections, fee-basis comparisons and exit valuation.
 *
 * <h2>Conventions (what a reader checking the numbers by hand needs to know)</h2>
 * <ul>
 *   <li><b>Months first.</b> Everything is projected month by month from {@code financials.start}; quarters
 *       and years are sums of their months, so they add up exactly. Projection years are counted from the
 *       start date (year 1 = the first twelve months), not calendar years.</li>
 *   <li><b>Annual figures to months.</b> An annual amount (collections, practice costs, MSO operating costs)
 *       is computed exactly for its projection year, rounded once to cents with
 *       {@link org.msocap.money.Rounding}, and split into twelve equal months with
 *       {@link org.msocap.money.Allocation#proportional}: the odd cents go to the earliest months, and the
 *       twelve months add up to the year's amount to the cent.</li>
 *   <li><b>Growth.</b> Collections in year {@code y} (0-based) are {@code collections × (1 + growth)^y};
 *       MSO operating costs are {@code operatingCosts × (1 + costGrowth)^y}. A practice's own
 *       {@code otherCosts} have no growth rate in the format and stay flat.</li>
 *   <li><b>Rates apply to the year.</b> Amounts that are a rate times a monthly base (clinician compensation =
 *       {@code clinicianComp × collections}, investor-referred revenue, percentage, cost-plus and residual fees) are
 *       computed exactly for each month; the year's exact total is rounded once, half up, and its cents are spread
 *       over the months by largest remainder in proportion to the exact amounts. So 45% of a year's collections is
 *       exactly that year's compensation, and each month is within a cent of its exact amount. A fixed monthly fee
 *       (and the fixed part of a hybrid fee) is a monthly invoice and is rounded each month. The practice margin is
 *       what is left: {@code collections − compensation − practice costs − fee}, so the accounting identity holds
 *       to the cent by construction.</li>
 *   <li><b>Fee bases</b> ({@link org.msocap.model.FeeTerms.Basis}), per month, {@code y} the projection year:
 *       fixed = {@code monthly × (1 + escalator)^y} (the escalator applies at each anniversary of the
 *       projection start); percent of collections = {@code percent × collections}; percent of net =
 *       {@code percent × (collections − compensation − practice costs)}; cost-plus = {@code the MSO's cost of
 *       serving the practice × (1 + markup)}; hybrid = {@code monthly × (1 + escalator)^y + percent × collections}
 *       (rounded once); residual = {@code collections − compensation − practice costs}. A fee is never
 *       negative: when the practice's net is negative, percent-of-net and residual fees are zero (the
 *       model does not have the MSO fund practice losses).</li>
 *   <li><b>Cost of serving a practice</b> (cost-plus): each month the MSO's operating costs are allocated
 *       across all projected practices by a {@link org.msocap.fees.CostAllocationDriver}; the default is
 *       each practice's share of that month's collections (equal shares in a month where no practice
 *       collects anything). The allocation is reported for every practice, whatever its basis.</li>
 *   <li><b>MSO.</b> Revenue = the sum of all management fees; costs = operating costs; EBITDA = revenue −
 *       costs.</li>
 *   <li><b>Exit valuation.</b> TTM = the twelve months ending with the month that contains the exit date.
 *       An exit after the projection window is valued by extending the projection with the same growth
 *       rates (whole years), so simulated exit dates beyond {@code financials.years} still have a value; an
 *       exit less than twelve months after the start has no trailing year and is an error naming
 *       {@code exits[i].date}.</li>
 * </ul>
 */
package org.msocap.fees;
