/**
 * The ad screener (广告资讯排查): scores a text 0–100 for illegal-fundraising language and says
 * why. {@link org.fangfei.detect.screen.ScreenDictionary} is the editable keyword and
 * pattern library, {@link org.fangfei.detect.screen.Screener} compiles it into one
 * automaton that reads a text once, after folding traditional, variant and homophone
 * characters and skipping what stands between characters (spaces, symbols, emoji);
 * {@link org.fangfei.detect.screen.Yields} reads yields written as numbers, Arabic or
 * Chinese; {@link org.fangfei.detect.screen.ScreenCsv} is the {@code screen} command's
 * files. Plain Java, no dependency.
 */
package org.fangfei.detect.screen;
