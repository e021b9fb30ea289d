/**
 * The exit waterfall (PRODUCT.md §4): who receives what when the MSO is sold.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link org.msocap.waterfall.EquityBridge#of} — enterprise value to equity proceeds (net debt, transaction
 *       costs, carve-out, escrow, earnout).</li>
 *   <li>{@link org.msocap.waterfall.ResolvedCapTable#of(org.msocap.model.Venture, java.time.LocalDate, boolean)} —
 *       the cap table bound to an exit date: every instrument as a claimant with exact preference, as-converted
 *       shares and participation rule. Conventions (dividends, SAFE capitalization, notes, warrants) are listed
 *       there.</li>
 *   <li>{@link org.msocap.waterfall.WaterfallEngine#distribute} — the exact waterfall of one amount of equity
 *       proceeds: conversion equilibrium, exact fractions, cents by largest remainder, per-class and per-holder
 *       results with MOIC and IRR. {@link org.msocap.waterfall.WaterfallEngine#exit} does bridge and waterfall
 *       for an exit scenario.</li>
 *   <li>{@link org.msocap.waterfall.BreakpointTable#resolve} — the waterfall resolved once into exact linear
 *       segments; evaluates any exit value in doubles and longs, to the same cents as the engine.</li>
 * </ul>
 *
 * <p>Rounding: class payouts are the exact amounts split to cents by largest remainder over claimants in id
 * order ({@link org.msocap.money.Allocation#toCents}); each class's cents are split over its holdings in proportion
 * to their exact entitlements (preference by preference weight, participation by shares), again by largest
 * remainder. So classes, holders and categories each add up to the equity proceeds exactly, and two equal
 * holdings in one class differ by at most one cent.
 */
package org.msocap.waterfall;
