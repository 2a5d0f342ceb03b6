/**
 * Fund-flow detection (资金监测) and risk math in plain Java, without any framework, so that
 * the app and the Flink job run the very same code. Empty until the monitoring issue.
 */
package org.fangfei.detect;
