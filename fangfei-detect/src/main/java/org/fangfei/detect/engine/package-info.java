/**
 * The detector itself: {@link org.fangfei.detect.engine.Detector} decides, leg by leg, on
 * one account's {@link org.fangfei.detect.engine.AccountState} (a record in an
 * {@link org.fangfei.detect.engine.AccountStore}, laid out and named by
 * {@code AccountRecord}) with the thresholds of
 * {@link org.fangfei.detect.engine.DetectorConfig};
 * {@link org.fangfei.detect.engine.Scan} reads a whole transfers file and feeds it
 * through a {@link org.fangfei.detect.engine.Chunk} grouped by account, as fast as one
 * core allows. The hot path allocates nothing per leg and boxes nothing; its speed is
 * measured in {@code docs/performance.md}, not asserted in tests.
 */
package org.fangfei.detect.engine;
