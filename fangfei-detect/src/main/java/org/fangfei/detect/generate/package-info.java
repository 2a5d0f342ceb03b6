/**
 * Synthetic bank transfers for trying and measuring the detector
 * ({@link org.fangfei.detect.generate.Generate}): an ordinary population with look-alike
 * institutions (payroll, shops, schools, property managers, landlords, lenders, banks)
 * and planted schemes of every pattern, written with the truth files that
 * {@code evaluate} scores the alerts against. Deterministic per seed.
 */
package org.fangfei.detect.generate;
