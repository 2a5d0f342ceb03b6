/**
 * The graph stage across linked accounts (issue 19): money from the accounts investors
 * paid into reaching the same investors back through another account. Plain Java with
 * fixed-size tables; depends only on the top package and {@code io} (a {@code Transfer}
 * is what callers feed it), and {@code engine} feeds it from {@code scan}, the Flink job
 * from its own operator. See docs/detector.md.
 */
package org.fangfei.detect.graph;
