/**
 * The command line of {@code fangfei-detect.jar} ({@link org.fangfei.detect.cli.Main}):
 * {@code scan}, {@code generate} and {@code evaluate}; exit code 0 on success, 2 on bad
 * input or usage with the reason on stderr.
 */
package org.fangfei.detect.cli;
