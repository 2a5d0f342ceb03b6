/**
 * Fund-flow monitoring (资金监测) in plain Java, without any framework, so that the
 * {@code scan} command, the Flink job and the application's bank-export uploads run the
 * very same detector. This package holds what every caller handles: the {@link Alert}s
 * the detector raises, their {@link Pattern}s, the {@link AlertSink} that receives them
 * and the {@link BadInputException} that refuses a wrong input line. The work is split by
 * job: {@code engine} (the detector, its per-account state and the scan that feeds it),
 * {@code io} (the transfers and alerts CSV files), {@code generate} (synthetic transfers
 * with planted schemes) and {@code cli} (the command line). See {@code docs/detector.md}.
 */
package org.fangfei.detect;
