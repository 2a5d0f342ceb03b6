/**
 * The files: the transfers CSV, read by the hand-written byte-level parser
 * ({@link org.fangfei.detect.io.LineSource} and
 * {@link org.fangfei.detect.io.TransferParser}, measured in {@code docs/performance.md})
 * or as {@link org.fangfei.detect.io.Transfer} records
 * ({@link org.fangfei.detect.io.TransferCsvReader}); the alerts CSV
 * ({@link org.fangfei.detect.io.AlertCsv}); and the way amounts and times are written
 * ({@link org.fangfei.detect.io.Formats}). A wrong line is never skipped: it is refused
 * with a {@link org.fangfei.detect.BadInputException} naming it.
 */
package org.fangfei.detect.io;
