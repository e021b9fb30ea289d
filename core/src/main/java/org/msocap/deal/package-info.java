/**
 * Deal events over the model (PRODUCT.md §8): what a financing round or a recapitalisation does to the venture in
 * force at its date, and what each person realizes over the whole deal. The engines below (waterfall, fees) see an
 * ordinary venture; only this layer and reporting know about history.
 */
package org.msocap.deal;
